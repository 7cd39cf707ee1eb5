## Où en suis-je ? et objectifs

help-cmd-status = voir où vous en êtes et la prochaine étape
status-no-application = Vous ne participez encore à aucun programme.
status-no-programme-open = Vous ne participez à aucun programme, et aucun n'accepte de candidatures pour le moment. Quand une session s'ouvrira, tapez /apply pour candidater ; en attendant, /help montre ce que je sais faire.
status-apply = Candidater
status-pick-mentor = Des mentors vous ont été proposés : il vous reste à choisir.
status-see-proposals = Voir les propositions
status-no-proposals = Vous n'avez pas de proposition de mentor en attente.
status-waiting-proposals =
    Votre candidature est retenue ; j'attends qu'un mentor disponible corresponde à votre profil.{ $told ->
        [yes] {" "}Les coordinateurs suivent votre situation.
       *[no] {""}
    }
status-application = Votre candidature : { $statuses }.
status-see-application = Voir ma candidature
status-waiting-mentor = Votre demande est chez { $name }, qui a jusqu'au { $when } pour répondre.
status-request-pending = { $name } vous a choisi comme mentor et attend votre réponse jusqu'au { $when }. Acceptez-vous de l'accompagner ?
status-sign-charter = Votre binôme avec { $name } est formé : il vous reste à accepter la charte.
status-waiting-charter = Vous avez accepté la charte ; j'attends que { $name } l'accepte aussi.
status-consent = Votre binôme avec { $name } est lancé : confirmez d'abord votre engagement.
status-objectives = Votre binôme avec { $name } est lancé. Prochaine étape : fixer vos objectifs ensemble.
status-paused = Votre binôme avec { $name } est en pause jusqu'au { $when }.
status-next-meeting =
    Binôme avec { $name } : { $held ->
        [0] aucune rencontre tenue pour l'instant
        [one] une rencontre tenue
       *[other] { $held } rencontres tenues
    }. Prochaine rencontre : { $when }.
status-plan-meeting =
    Binôme avec { $name } : { $held ->
        [0] aucune rencontre tenue pour l'instant
        [one] une rencontre tenue
       *[other] { $held } rencontres tenues
    }. Prochaine étape : planifier votre prochaine rencontre.
status-open-meetings = Mes rencontres
status-in-form = Vous êtes au milieu d'un formulaire ; je reprends là où vous en étiez (/cancel pour l'abandonner) :
help-cmd-objectives = suivre vos objectifs
objectives-none = Vous n'avez pas encore fixé d'objectifs.
objectives-intro = Vos objectifs :
objective-status-open = en cours
objective-status-reached = atteint
objective-status-not_reached = non atteint
objective-private-mark = {" "}(privé)
objectives-reached = Marquer le n° { $number } comme atteint
objectives-add = Ajouter un objectif
objective-add-title = Nouvel objectif.
objective-f-text = Quel est ce nouvel objectif ?
objective-added = Objectif ajouté.
objective-marked = Bravo, objectif atteint !
objective-marked-other = { $name } a marqué un de vos objectifs comme atteint. Bravo à vous deux !

## Où en suis-je ? (états calculés par handlers/standing.py)

status-invited = Vous êtes invité au programme « { $programme } » : il vous reste à candidater.
status-ineligible = Votre candidature de { $role } au programme « { $programme } » n'a pas pu être retenue.
status-apply-again = Candidater autrement
status-help = Aide
status-mentor-available = Votre candidature de mentor au programme « { $programme } » est retenue. Quand un mentoré vous choisira, je vous présenterai son profil et vous demanderai votre accord.
status-none-suited =
    Aucun des mentors proposés ne vous convenait : c'est noté. { $told ->
        [yes] Les coordinateurs cherchent avec vous un mentor qui vous corresponde ; je vous enverrai les nouvelles propositions ici.
       *[no] Je vous enverrai de nouvelles propositions ici dès que d'autres mentors seront disponibles.
    }
status-overdue =
    Binôme avec { $name } : { $held ->
        [0] aucune rencontre tenue pour l'instant
        [one] une rencontre tenue
       *[other] { $held } rencontres tenues
    }. Votre dernière rencontre remonte à plus longtemps que l'écart prévu par le programme : c'est le moment d'en fixer une.
status-objectives-button = Nos objectifs
status-pair-ended-me = Vous avez quitté votre binôme avec { $name } le { $when }.
status-pair-ended-partner = { $name } a quitté votre binôme le { $when }.
status-pair-ended-programme = Votre binôme avec { $name } a pris fin le { $when }.
status-questionnaire-to-come = Vous recevrez le questionnaire de fin de parcours à son ouverture.
status-past-meetings = Mes anciennes rencontres
status-another-mentor = Si vous le souhaitez, je peux vous proposer d'autres mentors.
status-mentor-still-available = Votre candidature de mentor reste ouverte : un autre mentoré pourra vous choisir.
withdraw-new-mentor-not-now = Je ne peux pas vous proposer d'autres mentors pour le moment : tapez /status pour voir où vous en êtes.
help-cmd-pastmeetings = relire le journal de rencontres d'un binôme terminé
ended-log-none = Vous n'avez pas de binôme terminé dont relire le journal.
ended-log-which = Le journal de quel binôme voulez-vous relire ?
status-pair-ended-erased = La personne avec qui vous formiez un binôme a quitté le programme le { $when }.
meetings-pair-ended = Votre binôme est terminé : vous pouvez relire le journal de ses rencontres.
