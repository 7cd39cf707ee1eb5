## Charte

charter-intro = Voici la charte du programme (version { $version }). Lisez-la, puis acceptez-la : le binôme démarre quand vous l'avez acceptée tous les deux.
charter-accept = J'accepte la charte
charter-changed = La charte a changé depuis ce message. Voici la nouvelle version :
charter-accepted-waiting = Merci, votre acceptation est enregistrée. J'attends celle de votre binôme.
charter-accepted-again = Merci, votre acceptation de la nouvelle version est enregistrée.
pair-active = Votre binôme est lancé ! Prochaine étape : convenir ensemble de votre première rencontre, puis l'enregistrer avec /meeting.
