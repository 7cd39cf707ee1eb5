# Slack modals: short titles for the title bar (24 characters at most), the introductions
# shown inside a modal (which has its own Cancel button), and what is said when one is closed.

modal-title-application = Candidature
modal-title-agreement = Accord du binôme
modal-title-meeting-plan = Planifier une rencontre
modal-title-meeting-log = Noter une rencontre
modal-title-committee-pair = Former un binôme
modal-title-committee-move = Déplacer un mentoré
modal-title-objective = Nouvel objectif
modal-title-pause = Pause du binôme
modal-title-programme = Programme
modal-title-questionnaire = Questionnaire
modal-title-role-grant = Donner un rôle

apply-form-title-modal = Candidature au programme « { $programme } ». Rien n'est enregistré avant l'envoi ; « Annuler » ferme le formulaire.
meeting-plan-title-modal = Planifions votre prochaine rencontre.
meeting-log-title-modal = Notons la rencontre qui a eu lieu.
meeting-edit-title-modal = Modifions cette rencontre. « Annuler » ferme sans rien changer.
qn-form-title-modal =
    { $title } — { $programme } : { $count ->
        [one] une question.
       *[other] { $count } questions.
    }
    Répondez en toute franchise : il n'y a pas de bonne ou de mauvaise réponse. « Annuler » ferme sans rien envoyer.

field-time-missing = Choisissez aussi l'heure.
slack-form-closed = Formulaire fermé : rien n'a été enregistré. Tapez /status pour voir où vous en êtes et reprendre.

slack-time = Heure
field-unexpected = Cette réponse ne correspond pas au champ « { $label } » : remplissez-le à nouveau.
