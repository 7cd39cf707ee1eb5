## Les messages des coordinateurs aux participants d'un programme (/admin message, mentorbot broadcast)

admin-section-message = Écrire aux participants
modal-title-broadcast = Message aux participants
broadcast-form-title = Message aux participants de « { $programme } »
broadcast-f-who = À qui ?
broadcast-h-who = « Les mentorés » et « Les mentors » comprennent aussi les candidats qui n'ont pas encore de binôme.
broadcast-to-all = Tout le monde : mentorés et mentors
broadcast-to-mentee = Les mentorés
broadcast-to-mentor = Les mentors
broadcast-to-referent = Les référents
broadcast-f-text = Votre message
broadcast-h-text = Jusqu'à { $limit } caractères. Chacun le reçoit précédé d'une ligne disant qu'il vient des coordinateurs du programme.
broadcast-text-empty = Le message est vide : écrivez le texte à envoyer.
broadcast-text-too-long = Ce message est trop long ({ $length } caractères) : { $limit } au maximum. Raccourcissez-le.
broadcast-nobody-members = { $who ->
        [mentee] Ce programme n'a encore aucun mentoré, ni candidat mentoré
        [mentor] Ce programme n'a encore aucun mentor, ni candidat mentor
        [referent] Ce programme n'a encore aucun référent
       *[all] Ce programme n'a encore ni mentoré ni mentor, ni candidat
    } : rien n'a été envoyé. Choisissez d'autres destinataires ; votre texte est gardé.
broadcast-nobody-reachable = { $who ->
        [mentee] Aucun mentoré n'est joignable pour l'instant
        [mentor] Aucun mentor n'est joignable pour l'instant
        [referent] Aucun référent n'est joignable pour l'instant
       *[all] Personne n'est joignable pour l'instant
    } : { $count ->
        [one] la seule personne concernée n'a pas encore écrit au bot
       *[other] aucune des { $count } personnes concernées n'a encore écrit au bot
    }. Rien n'a été envoyé. Choisissez d'autres destinataires ; votre texte est gardé.
broadcast-confirm = { $who ->
        [mentee] { $count ->
            [one] Envoyer ce message au seul mentoré joignable ?
           *[other] Envoyer ce message aux { $count } mentorés ?
        }
        [mentor] { $count ->
            [one] Envoyer ce message au seul mentor joignable ?
           *[other] Envoyer ce message aux { $count } mentors ?
        }
        [referent] { $count ->
            [one] Envoyer ce message au seul référent joignable ?
           *[other] Envoyer ce message aux { $count } référents ?
        }
       *[all] { $count ->
            [one] Envoyer ce message à la seule personne joignable ?
           *[other] Envoyer ce message aux { $count } mentorés et mentors ?
        }
    } Chacun le recevra ainsi :
broadcast-yes = Oui, envoyer
broadcast-no = Non, annuler
broadcast-dropped = C'est annulé : rien n'a été envoyé.
broadcast-queued = { $count ->
    [one] C'est en route : { $count } message part au rythme que permettent les plateformes.
   *[other] C'est en route : { $count } messages partent au rythme que permettent les plateformes.
}
broadcast-header = Message des coordinateurs du programme « { $programme } » :
journal-broadcast = envoi d'un message aux participants (ligne de commande)
journal-broadcast-sent = envoi d'un message aux participants
journal-broadcast-form = rédaction d'un message aux participants
journal-broadcast-send = confirmation d'un message aux participants
