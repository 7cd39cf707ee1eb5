## Vos données : /export, et la taille des fichiers envoyés.

file-size-bytes = { $count ->
        [one] { $count } octet
       *[other] { $count } octets
    }
file-size-kilobytes = { NUMBER($size, maximumFractionDigits: 1) } Ko
file-size-megabytes = { NUMBER($size, maximumFractionDigits: 1) } Mo

export-summary = Voici ce que je conserve à votre sujet :
export-summary-nothing = Votre parcours de mentorat est encore vide : ni candidature, ni binôme, ni rencontre. Le fichier joint contient tout ce que je conserve à votre sujet.
export-summary-line = • { $what }
export-count-applications = { $count ->
        [one] { $count } candidature
       *[other] { $count } candidatures
    }
export-count-pairs = { $count ->
        [one] { $count } binôme
       *[other] { $count } binômes
    }
export-count-meetings = { $count ->
        [one] { $count } rencontre
       *[other] { $count } rencontres
    }{ $held ->
        [0] {""}
        [one] , dont une tenue
       *[other] , dont { $held } tenues
    }
export-count-objectives = { $count ->
        [one] { $count } objectif
       *[other] { $count } objectifs
    }{ $reached ->
        [0] {""}
        [one] , dont un atteint
       *[other] , dont { $reached } atteints
    }
export-count-notes = { $count ->
        [one] { $count } note privée
       *[other] { $count } notes privées
    }
export-count-answers = { $count ->
        [one] { $count } questionnaire rempli
       *[other] { $count } questionnaires remplis
    }
export-summary-file = Le fichier joint contient le détail, avec les dates dans votre fuseau horaire.

export-you = Vous
export-name = Nom
export-language = Langue
export-timezone = Fuseau horaire
export-organisation = Organisation
export-unit = Service
export-manager = Responsable hiérarchique
export-location = Lieu
export-since = Connu depuis le
export-accounts = Comptes de messagerie
export-roles = Rôles de coordination
export-role-in = { $role } (programme « { $programme } »)
export-role-everywhere = { $role } (tous les programmes)
export-applications = Candidatures
export-programme = Programme
export-role = Rôle
export-status = Statut
export-sent-on = Envoyée le
export-answers = Réponses
export-charters = Chartes signées
export-signed-on = Signée le
export-pairs = Binômes
export-mentor = Mentor
export-mentee = Mentoré
export-state = État
export-requested-on = Demandé le
export-started-on = Lancé le
export-ended-on = Terminé le
export-paused-until = En pause jusqu'au
export-rhythm = Rythme
export-format = Format
export-meetings = Rencontres
export-with = Avec
export-date = Date
export-duration = Durée
export-minutes = { $minutes } min
export-themes = Thèmes
export-objectives = Objectifs
export-objective = Objectif
export-private = Privé
export-yes = oui
export-no = non
export-set-on = Fixé le
export-closed-on = Clos le
export-notes = Notes privées
export-about = À propos de
export-written-on = Écrite le
export-text = Texte
export-checks = Vos avis sur le binôme
export-question = Question
export-answer = Réponse
export-answered-on = Répondu le
export-questionnaires = Questionnaires
export-questionnaire = Questionnaire
export-not-given = non renseigné

export-pair-state-proposed = demande envoyée au mentor
export-pair-state-awaiting_charter = en attente de la signature de la charte
export-pair-state-active = en cours
export-pair-state-completed = terminé
export-pair-state-withdrawn = arrêté
export-pair-state-declined = décliné par le mentor
export-pair-state-expired = demande restée sans réponse

export-check-consent = La première rencontre a-t-elle confirmé votre accord mutuel ?
export-check-fit = Le binôme vous convient-il ?
export-check-other = Avis sur le binôme

export-note-meeting_note = une rencontre
export-note-action_items = les actions à mener
export-note-actions = les actions à mener
export-note-agreement = votre accord de départ
export-note-expectations = vos attentes
export-note-objective = un objectif
export-note-objectives = vos objectifs
export-note-objectives_to_set = les objectifs à fixer
export-note-withdraw_reason = la raison de votre départ
export-note-decline_reason = la raison de votre refus
export-note-other = votre binôme
