## Le menu des coordinateurs (/admin)

admin-menu = Que souhaitez-vous faire ?
admin-which-programme = Quel programme ?
admin-new-programme = Créer un programme
admin-no-programme = Aucun programme n'existe encore. Créez le premier ici, ou avec la commande « mentorbot programme apply » sur le serveur.
admin-no-programme-yours = Vous n'avez de rôle dans aucun programme pour l'instant.
