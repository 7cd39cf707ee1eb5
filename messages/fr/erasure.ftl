## Départ d'une personne qui a effacé ses données : l'autre membre du binôme, les mentorés à qui elle était proposée, les coordinateurs

erase-left-request = La demande de mentorat que vous aviez reçue n'est plus d'actualité : la personne a quitté le programme. Vous n'avez rien à faire.
erase-left-pair-mentor = Votre binôme prend fin : la personne que vous accompagniez a quitté le programme. Vos propres notes restent les vôtres (/export pour les retrouver). Vous êtes de nouveau disponible pour accompagner quelqu'un : je vous préviendrai si un mentoré vous choisit.
erase-left-pair-mentee = Votre binôme prend fin : votre mentor a quitté le programme. Vos propres notes restent les vôtres (/export pour les retrouver). Je cherche pour vous un autre mentor.
mentee-forwarded-erased = Le mentor que vous aviez choisi a quitté le programme. J'ai transmis votre demande à votre choix suivant, { $next }.
mentee-back-to-picking-erased = Le mentor que vous aviez choisi a quitté le programme. Je vous propose d'autres mentors.
mentee-back-to-committee-erased = Le mentor que vous aviez choisi a quitté le programme.
mentee-back-to-waiting-erased = Le mentor que vous aviez choisi a quitté le programme.
erase-proposal-gone = Un des mentors qui vous étaient proposés a quitté le programme. Voici vos propositions à jour.
erase-proposals-gone = Les mentors qui vous étaient proposés ne sont plus disponibles : l'un d'eux a quitté le programme.
coordinator-pair-ended-erased-mentor = Le mentor de { $mentee } a quitté le programme et effacé ses données : le binôme prend fin et { $mentee } reçoit de nouvelles propositions.
coordinator-pair-ended-erased-mentee = La personne accompagnée par le mentor { $mentor } a quitté le programme et effacé ses données : le binôme prend fin et { $mentor } est de nouveau disponible.
