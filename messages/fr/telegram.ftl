## Textes propres à l'adaptateur Telegram

telegram-chosen = ✓ { $label }
telegram-button-dead = Ce bouton ne fonctionne plus. Utilisez le message le plus récent.
telegram-private-only = Écrivez-moi en message privé : je ne réponds pas dans les groupes.
telegram-text-only = Je ne lis que les messages écrits. Tapez /help pour voir ce que je sais faire.
telegram-choose = Choisissez une réponse :
