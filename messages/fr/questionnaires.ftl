## Questionnaires de mi-parcours et de fin de parcours

help-cmd-questionnaire = répondre aux questionnaires de mi-parcours et de fin de parcours
qn-wave-midterm = questionnaire de mi-parcours
qn-wave-final = questionnaire de fin de parcours
qn-title-midterm = Questionnaire de mi-parcours
qn-title-final = Questionnaire de fin de parcours

## Invitation

qn-invite =
    Le { $wave } du programme « { $programme } » est ouvert jusqu'au { $closes }.
    { $count ->
        [one] Une seule question, sur votre expérience du mentorat.
       *[other] { $count } questions courtes sur votre expérience du mentorat : votre engagement, la relation dans le binôme, le rythme, ce que vous en retirez.
    } Aucune ne porte sur l'autre personne ni sur le contenu de vos échanges.
    Vos réponses sont lues par votre référent et alimentent une synthèse anonyme ; votre binôme ne les voit pas. Vous pourrez les modifier jusqu'à la clôture.
qn-answer-now = Répondre maintenant

## Liste et état

qn-list-intro = Vos questionnaires :
qn-list-line = • { $title } — { $programme } : { $state }
qn-list-pick = Lequel voulez-vous ouvrir ?
qn-pick = { $title } — { $programme }
qn-state-new = pas encore commencé, à remplir avant le { $closes }
qn-state-progress = en cours, vous en êtes à la question { $index } sur { $total } ; à envoyer avant le { $closes }
qn-state-sent = envoyé le { $sent }, modifiable jusqu'au { $closes }
qn-state-closed-sent = clos le { $closes } ; vos réponses sont conservées et ne peuvent plus changer
qn-state-closed = clos le { $closes }, sans réponse de votre part
qn-none = Aucun questionnaire n'est ouvert pour vous en ce moment. Je vous écrirai dès qu'il y en aura un.
qn-no-pair = Les questionnaires s'adressent aux mentors et aux mentorés d'un binôme lancé. Vous n'êtes dans aucun binôme pour l'instant : il n'y a donc rien à remplir.

## Formulaire

qn-form-title =
    { $title } — { $programme } : { $count ->
        [one] une question.
       *[other] { $count } questions.
    }
    Répondez en toute franchise : il n'y a pas de bonne ou de mauvaise réponse. /back revient à la question précédente, /cancel arrête sans rien envoyer. En cas d'interruption, vos réponses sont gardées et vous reprendrez là où vous en étiez.
qn-resume = Vous étiez en train d'y répondre : reprenons à la question { $index }.
qn-editing = Vous avez envoyé vos réponses le { $sent }. Chaque question affiche votre réponse actuelle : gardez-la ou changez-la.
qn-hint-text = Merci de ne nommer personne et de ne rien rapporter du contenu de vos échanges.
qn-scale-end = { $number } : { $label }
qn-thanks = Merci d'avoir pris ce temps ! Vos réponses sont enregistrées. Vous pouvez encore les modifier jusqu'au { $closes } avec /questionnaire.
qn-updated = C'est noté : vos réponses sont mises à jour. Elles restent modifiables jusqu'au { $closes }.

## Refus

qn-unknown = Ce questionnaire n'existe plus. Tapez /questionnaire pour voir ceux qui vous attendent.
qn-not-yours = Ce questionnaire ne vous est pas destiné : seuls les binômes lancés de son programme y répondent. Tapez /questionnaire pour voir ceux qui vous attendent.
qn-not-open = Le { $wave } ouvrira le { $opens }. Vous pourrez y répondre à partir de ce moment-là.
qn-closed = Le { $wave } est clos depuis le { $closes } : il n'est plus possible d'y répondre.
qn-closed-sent = Le { $wave } est clos depuis le { $closes }. Vos réponses, envoyées le { $sent }, sont conservées telles quelles et ne peuvent plus être modifiées.
qn-closed-meanwhile = Le { $wave } a été clos pendant que vous répondiez : ces réponses ne peuvent plus être enregistrées. Si vous en aviez envoyé auparavant, elles sont conservées.

## Questions

qn-q-engagement = Comment évaluez-vous votre propre engagement dans le mentorat ?
qn-q-engagement-1 = très faible
qn-q-engagement-5 = très fort
qn-q-satisfaction = Dans l'ensemble, que pensez-vous du programme ?
qn-q-satisfaction-1 = très décevant
qn-q-satisfaction-5 = excellent
qn-q-relationship = Comment qualifiez-vous la relation de travail dans votre binôme (confiance, écoute, liberté de parole) ?
qn-q-relationship-1 = difficile
qn-q-relationship-5 = excellente
qn-q-rhythm = Le rythme de vos rencontres vous convient-il ?
qn-q-rhythm-too_far = Rencontres trop espacées
qn-q-rhythm-right = Il me convient
qn-q-rhythm-too_close = Rencontres trop rapprochées
qn-q-rhythm-irregular = Rythme trop irrégulier
qn-q-topics = Les sujets que vous souhaitiez aborder ont-ils pu l'être ?
qn-q-topics-1 = aucun
qn-q-topics-5 = tous
qn-q-expectations = À ce stade, le mentorat répond-il à vos attentes ?
qn-q-expectations-1 = pas du tout
qn-q-expectations-5 = pleinement
qn-q-mentor_ease = Vous sentez-vous à l'aise dans votre rôle de mentor ?
qn-q-mentor_ease-1 = pas du tout
qn-q-mentor_ease-5 = tout à fait
qn-q-referent_talk = Souhaitez-vous échanger avec votre référent sur le déroulement de votre mentorat ?
qn-q-referent_talk-yes = Oui, volontiers
qn-q-referent_talk-no = Pas pour l'instant
qn-q-improve = Qu'est-ce qui rendrait la suite du programme plus utile pour vous ?
qn-q-objectives = Dans quelle mesure avez-vous atteint les objectifs que vous vous étiez fixés ?
qn-q-objectives-1 = pas du tout
qn-q-objectives-5 = entièrement
qn-q-mentee_gains = Qu'est-ce que le mentorat vous a apporté ?
qn-q-mentee_gains-confidence = Davantage de confiance en moi
qn-q-mentee_gains-perspective = Du recul sur mon quotidien
qn-q-mentee_gains-positioning = Un positionnement de manager plus affirmé
qn-q-mentee_gains-codes = Une meilleure compréhension de l'organisation et de ses usages
qn-q-mentee_gains-network = Un réseau professionnel élargi
qn-q-mentee_gains-skills = De nouvelles compétences
qn-q-mentee_gains-other = Autre chose
qn-q-mentor_gains = Qu'est-ce que ce rôle de mentor vous a apporté ?
qn-q-mentor_gains-own_practice = Un regard neuf sur ma propre pratique
qn-q-mentor_gains-passing_on = Le plaisir de transmettre
qn-q-mentor_gains-listening = Une écoute et un questionnement plus affûtés
qn-q-mentor_gains-other_contexts = La découverte d'autres contextes de travail
qn-q-mentor_gains-network = Un réseau professionnel élargi
qn-q-mentor_gains-other = Autre chose
qn-q-learned = En quelques mots, qu'avez-vous appris au fil de ce mentorat ?
qn-q-recommend = Recommanderiez-vous ce programme à un ou une collègue ?
qn-q-recommend-yes = Oui, sans hésiter
qn-q-recommend-probably = Probablement
qn-q-recommend-unsure = Je ne sais pas
qn-q-recommend-no = Non
qn-q-future_mentor = Aimeriez-vous un jour devenir mentor à votre tour ?
qn-q-future_mentor-yes = Oui
qn-q-future_mentor-maybe = Peut-être
qn-q-future_mentor-no = Non
qn-q-mentor_again = Accepteriez-vous d'accompagner un nouveau mentoré lors d'une prochaine session ?
qn-q-mentor_again-yes = Oui
qn-q-mentor_again-maybe = Peut-être
qn-q-mentor_again-no = Non
qn-q-comment = Un dernier mot pour aider les coordinateurs à améliorer le programme ?
