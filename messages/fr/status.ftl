## Où en suis-je ? et objectifs

help-cmd-status = voir où vous en êtes et la prochaine étape
status-no-application = Vous ne participez encore à aucun programme.
status-apply = Candidater
status-pick-mentor = Des mentors vous ont été proposés : il vous reste à choisir.
status-see-proposals = Voir les propositions
status-no-proposals = Vous n'avez pas de proposition de mentor en attente.
status-waiting-proposals = Votre candidature est retenue ; j'attends qu'un mentor disponible corresponde à votre profil. Les coordinateurs suivent votre situation.
status-application = Votre candidature : { $statuses }.
status-see-application = Voir ma candidature
status-waiting-mentor = Votre demande est chez { $name }, qui a jusqu'au { $when } pour répondre.
status-request-pending = { $name } vous a choisi comme mentor et attend votre réponse jusqu'au { $when } : répondez avec les boutons de mon message précédent.
status-sign-charter = Votre binôme avec { $name } est formé : il vous reste à accepter la charte.
status-waiting-charter = Vous avez accepté la charte ; j'attends que { $name } l'accepte aussi.
status-consent = Votre binôme avec { $name } est lancé : confirmez d'abord votre engagement.
status-objectives = Votre binôme avec { $name } est lancé. Prochaine étape : fixer vos objectifs ensemble.
status-paused = Votre binôme avec { $name } est en pause jusqu'au { $when }.
status-next-meeting =
    Binôme avec { $name } : { $held ->
        [0] aucune rencontre tenue pour l'instant
        [one] une rencontre tenue
       *[other] { $held } rencontres tenues
    }. Prochaine rencontre : { $when }.
status-plan-meeting =
    Binôme avec { $name } : { $held ->
        [0] aucune rencontre tenue pour l'instant
        [one] une rencontre tenue
       *[other] { $held } rencontres tenues
    }. Prochaine étape : planifier votre prochaine rencontre.
status-open-meetings = Mes rencontres
status-in-form = Vous êtes au milieu d'un formulaire ; je reprends là où vous en étiez (/cancel pour l'abandonner) :
help-cmd-objectives = suivre vos objectifs
objectives-none = Vous n'avez pas encore fixé d'objectifs.
objectives-intro = Vos objectifs :
objective-status-open = en cours
objective-status-reached = atteint
objective-status-not_reached = non atteint
objective-private-mark = {" "}(privé)
objectives-reached = Marquer le n° { $number } comme atteint
objectives-add = Ajouter un objectif
objective-add-title = Nouvel objectif.
objective-f-text = Quel est ce nouvel objectif ?
objective-added = Objectif ajouté.
objective-marked = Bravo, objectif atteint !
objective-marked-other = { $name } a marqué un de vos objectifs comme atteint. Bravo à vous deux !
