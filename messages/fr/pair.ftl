## Vie du binôme : consentement, accord, pause, départ

pair-none = Vous n'avez pas de binôme actif pour le moment. Tapez /status pour voir où vous en êtes.
consent-question = Avant de commencer, confirmez-vous que vous vous engagez librement dans ce binôme, et qu'il n'existe entre vous ni lien hiérarchique ni enjeu professionnel (évaluation, recrutement, concurrence…) ?
consent-yes = Oui, je confirme
consent-no = Non, il y a un lien ou un enjeu
consent-waiting = Merci, c'est noté. J'attends la confirmation de votre binôme.
consent-both = Vous avez tous les deux confirmé : le binôme peut démarrer sereinement.
consent-no-done =
    Merci de l'avoir signalé : ce binôme s'arrête ici, sans conséquence pour personne.{ $told ->
        [referent] {" "}Votre référent est prévenu.
        [coordinators] {" "}Les coordinateurs sont prévenus.
       *[nobody] {""}
    }
consent-no-other =
    Un lien ou un enjeu professionnel a été signalé entre vous : ce binôme s'arrête ici, sans reproche à quiconque.{ $told ->
        [referent] {" "}Votre référent est prévenu.
        [coordinators] {" "}Les coordinateurs sont prévenus.
       *[nobody] {""}
    }
agreement-invite = Fixez maintenant ensemble vos objectifs, votre rythme et votre format de rencontre. Je vous propose de le noter ici après en avoir parlé avec votre mentor.
agreement-start = Fixer nos objectifs
agreement-title = L'accord du binôme : vos objectifs, votre rythme et votre format.
agreement-f-objectives = Quels sont vos objectifs ? De 1 à 5, un par ligne ou séparés par des points-virgules.
agreement-h-objectives = Par exemple : « Réussir ma prise de poste », « Mieux déléguer ».
agreement-f-visibility = Les coordinateurs peuvent-ils voir l'intitulé de ces objectifs ? Ils voient de toute façon leur nombre et s'ils sont atteints.
agreement-shared = Oui, ils peuvent voir l'intitulé
agreement-private = Non, l'intitulé reste privé
agreement-f-rhythm = À quel rythme comptez-vous vous voir ?
agreement-f-format = Sous quel format, le plus souvent ?
rhythm-monthly = Une fois par mois
rhythm-three_weeks = Toutes les trois semaines
rhythm-fortnightly = Toutes les deux semaines
agreement-objectives-count =
    { $count ->
        [0] Écrivez au moins un objectif.
       *[other] Vous avez écrit { $count } objectifs : il en faut de 1 à 5, séparés par des points-virgules, de 500 caractères au plus chacun.
    }
agreement-saved =
    { $count ->
        [one] Votre accord est enregistré, avec un objectif. Vous pourrez le suivre avec /objectives.
       *[other] Votre accord est enregistré, avec { $count } objectifs. Vous pourrez les suivre avec /objectives.
    }
agreement-saved-other =
    { $count ->
        [one] { $name } a enregistré votre accord, avec un objectif. Vous pouvez le consulter avec /objectives.
       *[other] { $name } a enregistré votre accord, avec { $count } objectifs. Vous pouvez les consulter avec /objectives.
    }
fit-question = Après cette première rencontre, ce binôme vous convient-il ? Votre réponse reste privée.
fit-yes = Oui, ça me convient
fit-no = Non, je préfère arrêter
fit-yes-done = Merci, bonne continuation à tous les deux !
fit-no-done =
    Merci de votre franchise. Ce binôme s'arrête ici ; { $told ->
        [referent] votre référent est prévenu et vous accompagnera pour la suite.
        [coordinators] les coordinateurs sont prévenus et vous accompagneront pour la suite.
       *[nobody] tapez /status pour voir la suite.
    }
fit-no-other =
    Après votre première rencontre, le binôme a choisi de s'arrêter là. Ce n'est un jugement sur personne{ $told ->
        [referent]  ; votre référent est prévenu.
        [coordinators]  ; les coordinateurs sont prévenus.
       *[nobody] .
    }
help-cmd-pause = mettre le binôme en pause jusqu'à une date
pause-title = Mettre le binôme en pause : plus aucun rappel ne vous sera envoyé jusqu'à la date choisie.
pause-f-until = Jusqu'à quand ?
pause-set = Le binôme est en pause jusqu'au { $when }.
pause-set-other = { $name } a mis votre binôme en pause jusqu'au { $when }.
pause-current = Votre binôme est en pause jusqu'au { $when }.
pause-resume = Reprendre maintenant
pause-change = Changer la date
pause-resumed = La pause est terminée : bonne reprise !
pause-resumed-other = { $name } a mis fin à la pause de votre binôme.
help-cmd-withdraw = quitter votre binôme
withdraw-confirm =
    Voulez-vous vraiment quitter ce binôme ? { $told ->
        [referent] Votre binôme et votre référent seront prévenus.
        [coordinators] Votre binôme et les coordinateurs du programme seront prévenus.
       *[nobody] Votre binôme sera prévenu.
    }
withdraw-yes = Oui, je quitte le binôme
withdraw-no = Non, je reste
withdraw-kept = Très bien, rien ne change.
withdraw-done-mentor =
    C'est noté, vous quittez ce binôme. Je propose d'autres mentors à votre mentoré ; si vous pensez à un collègue qui pourrait prendre le relais, { $told ->
        [nobody] invitez-le à candidater comme mentor.
       *[other] dites-le aux coordinateurs.
    }{ $started ->
        [yes] {" "}Une dernière rencontre pour clore l'échange est bienvenue.
       *[no] {""}
    }{ $questionnaire ->
        [yes] {" "}Vous recevrez le questionnaire de fin de parcours.
       *[no] {""}
    } Si vous le souhaitez, dites-moi pourquoi vous partez (cela reste privé) ; sinon tapez -.
withdraw-done-mentee =
    C'est noté, vous quittez ce binôme.{ $started ->
        [yes] {" "}Une dernière rencontre pour clore l'échange est bienvenue.
       *[no] {""}
    }{ $questionnaire ->
        [yes] {" "}Vous recevrez le questionnaire de fin de parcours.
       *[no] {""}
    } Si vous le souhaitez, dites-moi pourquoi vous partez (cela reste privé) ; sinon tapez -.
withdraw-other =
    { $name } a quitté votre binôme.{ $told ->
        [referent] {" "}Votre référent est prévenu.
        [coordinators] {" "}Les coordinateurs sont prévenus.
       *[nobody] {""}
    }{ $started ->
        [yes] {" "}Une dernière rencontre pour clore l'échange est bienvenue.
       *[no] {""}
    }
coordinator-pair-ended-mentor = Le mentor { $mentor } a quitté son binôme avec { $mentee }, qui reçoit de nouvelles propositions.
coordinator-pair-ended-mentee = { $mentee } a quitté son binôme avec le mentor { $mentor }.
coordinator-pair-ended-conflict = Le binôme { $mentor } / { $mentee } s'arrête : un lien hiérarchique ou un enjeu professionnel a été signalé.
coordinator-pair-ended-fit = Le binôme { $mentor } / { $mentee } s'arrête après la première rencontre : il ne convenait pas.
nudge-plan = Petit rappel : aucune rencontre n'est prévue avec votre binôme. Le programme demande de ne pas laisser passer plus de { $weeks } semaines entre deux rencontres : c'est le moment d'en fixer une (/meeting).
nudge-overdue = Cela fait plus de { $weeks } semaines que votre binôme ne s'est pas retrouvé. Convenez d'une date dès que possible et notez-la avec /meeting ; si vous avez besoin d'une pause, tapez /pause.
coordinator-pair-stalled = Le binôme { $mentor } / { $mentee } ne s'est pas réuni depuis bien plus longtemps que l'écart maximal prévu : un contact de votre part serait utile.
withdraw-new-mentor = Souhaitez-vous être accompagné par un autre mentor ?
withdraw-new-mentor-yes = Oui, proposez-moi d'autres mentors
withdraw-new-mentor-no = Non, merci
withdraw-no-new-mentor = C'est noté. Si vous changez d'avis, les coordinateurs restent à votre écoute.
reason-thanks = Merci, c'est noté.
