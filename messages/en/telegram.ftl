## Texts of the Telegram adapter

telegram-chosen = ✓ { $label }
telegram-button-dead = This button no longer works. Use the most recent message.
telegram-private-only = Write to me in a private chat: I do not answer in groups.
telegram-text-only = I only read written messages. Type /help to see what I can do.
telegram-choose = Choose an answer:
