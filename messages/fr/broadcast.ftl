## Les messages des coordinateurs aux participants d'un programme (/admin message, mentorbot broadcast)

admin-section-message = Écrire aux participants
modal-title-broadcast = Message aux participants
broadcast-form-title = Message aux participants de « { $programme } »
broadcast-f-who = À qui ?
broadcast-to-all = Tout le monde : mentorés et mentors
broadcast-to-mentee = Les mentorés
broadcast-to-mentor = Les mentors
broadcast-to-referent = Les référents
broadcast-f-text = Votre message
broadcast-h-text = Jusqu'à { $limit } caractères. Chacun le reçoit précédé d'une ligne disant qu'il vient des coordinateurs du programme.
broadcast-text-empty = Le message est vide : écrivez le texte à envoyer.
broadcast-text-too-long = Ce message est trop long ({ $length } caractères) : { $limit } au maximum. Raccourcissez-le.
broadcast-nobody = Personne à joindre pour l'instant dans « { $who } » : rien n'a été envoyé.
broadcast-confirm = { $count ->
    [one] Envoyer à { $count } personne ?
   *[other] Envoyer à { $count } personnes ?
}
broadcast-yes = Oui, envoyer
broadcast-no = Non, annuler
broadcast-dropped = C'est annulé : rien n'a été envoyé.
broadcast-queued = { $count ->
    [one] C'est en route : { $count } message part au rythme que permettent les plateformes.
   *[other] C'est en route : { $count } messages partent au rythme que permettent les plateformes.
}
broadcast-header = Message des coordinateurs du programme « { $programme } » :
