## Quand la base de données refuse d'enregistrer (fichier en lecture seule)

database-read-only = Je ne peux rien enregistrer pour le moment : la base de données est en lecture seule. Votre message n'a pas été pris en compte ; réessayez quand elle pourra de nouveau être modifiée.
