## La vie d'un programme : clôture des candidatures, appariement, comité, fin du programme

## Clôture des candidatures

close-mentee-at_close = Les candidatures au programme « { $programme } » sont closes : merci pour votre patience ! Je vous envoie maintenant les mentors que je vous propose ; il vous suffira de choisir celui avec qui vous aimeriez travailler.
close-mentor-at_close = Les candidatures au programme « { $programme } » sont closes : merci pour votre engagement ! Les mentorés choisissent maintenant parmi les mentors proposés. Si l'un d'eux vous choisit, je vous présenterai son profil et vous aurez { $days } jours pour me répondre.
close-mentee-committee = Les candidatures au programme « { $programme } » sont closes : merci pour votre patience ! Le comité du programme forme maintenant les binômes ; je reviens vers vous dès qu'un mentor vous est proposé.
close-mentor-committee = Les candidatures au programme « { $programme } » sont closes : merci pour votre engagement ! Le comité du programme forme maintenant les binômes. Si un mentoré vous est confié, je vous présenterai son profil et vous aurez { $days } jours pour me répondre.
coordinator-cohort-published =
    Les candidatures au programme « { $programme } » sont closes et l'appariement est fait : { $offered ->
        [0] aucun mentoré n'a reçu de propositions
        [one] un mentoré a reçu ses propositions
       *[other] { $offered } mentorés ont reçu leurs propositions
    }{ $without ->
        [0] .
        [one] ; un mentoré reste sans mentor possible, à apparier à la main (/admin pair).
       *[other] ; { $without } mentorés restent sans mentor possible, à apparier à la main (/admin pair).
    }
coordinator-draft-ready = Les candidatures au programme « { $programme } » sont closes : le projet d'appariement du comité est prêt.

## Appariement par le comité

reason-committee = proposé par le comité du programme
proposals-committee = Le comité du programme vous proposera un autre mentor : je reviens vers vous dès que c'est fait.
coordinator-committee = { $name } attend qu'un mentor lui soit proposé par le comité (/admin pair).
proposals-new-mentor = Bonne nouvelle : un nouveau mentor a rejoint le programme, et j'ai de quoi vous proposer !
mentee-back-to-committee-declined = { $name } ne peut pas vous accompagner cette fois.
mentee-back-to-committee-expired = { $name } n'a pas répondu à temps.
mentor-request-committee = Le comité du programme vous propose d'accompagner un mentoré ! Vous avez { $days } jours pour répondre. Voici son profil :
committee-proposed-mentee = Le comité du programme « { $programme } » vous propose { $name } comme mentor. Je lui ai transmis la demande ; { $name } a jusqu'au { $when } pour répondre, et je vous préviens dès que c'est fait.
committee-refused-same_person = { $mentee } ne peut pas être son propre mentor : choisissez une autre personne.
committee-refused-hierarchy = { $mentor } et { $mentee } ont un lien hiérarchique (l'un est le responsable de l'autre) : un mentor n'est jamais dans la hiérarchie de son mentoré.
committee-refused-language = { $mentor } et { $mentee } n'ont aucune langue en commun.
committee-refused-organisation = { $mentor } et { $mentee } sont dans la même organisation, or ce programme forme ses binômes entre organisations différentes.
committee-refused-paired_before = { $mentor } a déjà été sollicité pour { $mentee } ou en binôme avec cette personne : le programme ne propose jamais deux fois le même mentor.
committee-refused-declined = { $mentee } a déjà écarté { $mentor } parmi ses propositions : le programme ne le lui propose plus.
committee-refused-full =
    { $mentor } n'a plus de place : { $capacity ->
        [one] un mentoré au plus
       *[other] { $capacity } mentorés au plus
    } par mentor dans ce programme.
committee-refused-mentee_application = { $mentee } n'a pas de candidature de mentoré retenue dans ce programme.
committee-refused-mentee_paired = { $mentee } a déjà un binôme formé ou en cours de formation dans ce programme.
committee-refused-mentor_application = { $mentor } n'a pas de candidature de mentor retenue dans ce programme.

## Appariement dans /admin

admin-section-matching = Appariement
admin-section-pair = Former un binôme
match-heading =
    Appariement du programme « { $programme } » : { $mentees ->
        [0] aucun mentoré n'attend de propositions.
        [one] un mentoré attend ses propositions.
       *[other] { $mentees } mentorés attendent leurs propositions.
    }
match-line =
    { $proposals ->
        [0] aucune proposition
        [one] une proposition
       *[other] { $proposals } propositions
    } : { $mentees ->
        [one] un mentoré
       *[other] { $mentees } mentorés
    }
match-left-same_person = { $count } (la même personne)
match-left-hierarchy = { $count } (lien hiérarchique)
match-left-language = { $count } (aucune langue en commun)
match-left-organisation = { $count } (même organisation)
match-left-paired_before =
    { $count ->
        [one] { $count } (déjà sollicité ou en binôme avec le mentoré)
       *[other] { $count } (déjà sollicités ou en binôme avec le mentoré)
    }
match-left-declined =
    { $count ->
        [one] { $count } (déjà refusé par le mentoré)
       *[other] { $count } (déjà refusés par le mentoré)
    }
match-left-full = { $count } (plus de place)
match-left-proposed =
    { $count ->
        [one] { $count } (déjà proposé au mentoré)
       *[other] { $count } (déjà proposés au mentoré)
    }
match-publish = Publier les propositions
match-published =
    { $offered ->
        [0] Aucun mentoré n'a reçu de propositions
        [one] Un mentoré a reçu ses propositions
       *[other] { $offered } mentorés ont reçu leurs propositions
    }{ $without ->
        [0] .
        [one] ; un mentoré reste sans mentor possible : formez son binôme avec /admin pair.
       *[other] ; { $without } mentorés restent sans mentor possible : formez leurs binômes avec /admin pair.
    }
pair-form-title = Former un binôme (programme « { $programme } »)
pair-f-mentee = Mentoré
pair-f-mentor = Mentor
pair-f-reason = Raison du choix du comité
pair-h-reason = Visible des coordinateurs seulement ; le mentor et le mentoré liront « proposé par le comité du programme ».
pair-mentor-option =
    { $name } ({ $free ->
        [one] une place
       *[other] { $free } places
    })
pair-no-mentee = Aucun mentoré n'attend de mentor dans ce programme.
pair-no-mentor = Aucun mentor n'a de place libre dans ce programme.
pair-done = C'est fait : { $mentor } est sollicité pour accompagner { $mentee }, qui en est informé. Je vous préviendrai si la demande n'aboutit pas.

## Fin du programme

end-completed =
    Le programme « { $programme } » est arrivé à son terme : votre binôme avec { $name } se clôt ici. Merci pour votre engagement tout au long de ces mois !{ $count ->
        [0] {""}
        [one] {" "}Prenons un moment pour faire le bilan de votre objectif : a-t-il été atteint ?
       *[other] {" "}Prenons un moment pour faire le bilan de vos { $count } objectifs : ont-ils été atteints ?
    } Votre journal de rencontres reste consultable avec /status.
end-review = Faire le bilan
end-request-mentee = Le programme « { $programme } » est terminé avant que { $name } ne réponde à votre demande : elle est close. Merci de votre participation ; les coordinateurs restent à votre écoute.
end-request-mentor = Le programme « { $programme } » est terminé : la demande de { $name } est close, vous n'avez plus à y répondre. Merci pour votre disponibilité !
end-forming-mentee = Le programme « { $programme } » est terminé avant que votre binôme avec { $name } ne démarre : il est clos. Merci de l'intérêt que vous avez porté au programme ; les coordinateurs restent à votre écoute.
end-forming-mentor = Le programme « { $programme } » est terminé avant que votre binôme avec { $name } ne démarre : il est clos. Merci pour votre disponibilité ; les coordinateurs restent à votre écoute.
coordinator-programme-ended =
    Le programme « { $programme } » est terminé : { $completed ->
        [0] aucun binôme achevé
        [one] un binôme achevé
       *[other] { $completed } binômes achevés
    }{ $stopped ->
        [0] {""}
        [one] , un binôme en cours de formation arrêté
       *[other] , { $stopped } binômes en cours de formation arrêtés
    }. Le questionnaire de fin de parcours est ouvert jusqu'au { $closes }.

## Après la fin : bilan des objectifs, /status, journal

objective-status-partly = atteint en partie
review-none = Votre binôme n'avait pas d'objectifs enregistrés : il n'y a pas de bilan à faire.
review-intro =
    Bilan de { $count ->
        [one] votre objectif
       *[other] vos { $count } objectifs
    } avec { $name } :
review-question = Objectif { $number } : { $text }{ $private } (actuellement : { $status }). A-t-il été atteint ?
review-reached = Atteint
review-partly = En partie
review-not_reached = Non atteint
review-noted = C'est noté : objectif { $number }, { $status }.
review-done =
    Merci, votre bilan est complet !{ $questionnaire ->
        [yes] {" "}Le questionnaire de fin de parcours vous attend aussi : tapez /questionnaire.
       *[no] {""}
    }
status-programme-ended = Le programme « { $programme } » est terminé. Merci de votre participation !
status-ended = Le programme « { $programme } » est terminé : votre binôme avec { $name } s'est achevé le { $when }. Merci pour votre engagement !
status-ended-objectives =
    { $count ->
        [one] Un objectif attend encore votre bilan.
       *[other] { $count } objectifs attendent encore votre bilan.
    }
status-ended-questionnaire = Le questionnaire de fin de parcours vous attend jusqu'au { $closes }.
status-ended-all-done = Il ne vous reste rien à faire : merci encore !
ended-review = Faire le bilan des objectifs
ended-questionnaire = Répondre au questionnaire
ended-log = Revoir notre journal
ended-log-title = Votre journal de rencontres avec { $name } :
ended-log-empty = Aucune rencontre n'a été notée dans ce journal.
