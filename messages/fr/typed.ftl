## Réponses tapées : à quelle question elles vont, et ce qu'on dit quand aucune ne les attend

typed-chosen = ✓ { $label }
typed-question-answered = Cette question a déjà reçu sa réponse : je ne reviens pas à un menu plus ancien. Tapez /status pour voir où vous en êtes.
typed-question-gone = Cette question n'est plus d'actualité : une plus récente l'a remplacée, ou la situation a changé. Tapez /status pour voir où vous en êtes.
typed-option-ambiguous = Plusieurs réponses correspondent à ce que vous avez tapé. Tapez le numéro de celle que vous voulez, de 1 à { $count }.
typed-hello = Bonjour ! Tapez /status pour voir où vous en êtes et ce que vous pouvez faire maintenant, ou /help pour tout ce que je sais faire.
typed-thanks = Avec plaisir ! Tapez /status pour voir où vous en êtes, ou /help pour tout ce que je sais faire.

# Le motif privé demandé après un refus ou un départ, redemandé après une commande
reason-ask-again = Si vous le souhaitez, dites-moi toujours pourquoi (cela reste privé) ; sinon tapez -.
