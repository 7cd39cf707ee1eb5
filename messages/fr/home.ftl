## La page d'accueil (App Home de Slack) : prochaines rencontres et boutons

home-meetings-title = Vos prochaines rencontres
home-meeting-line = { $when }, avec { $name } ({ $format })
home-plan = Planifier une rencontre
home-log = Noter une rencontre
home-objectives-button = Nos objectifs
home-language = Langue
home-privacy = Confidentialité
home-help = Aide
