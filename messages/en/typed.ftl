## Typed answers: which question they go to, and what is said when none awaits them

typed-chosen = ✓ { $label }
typed-question-answered = This question has already been answered: I do not go back to an older menu. Type /status to see where you stand.
typed-question-gone = This question no longer applies: a newer one replaced it, or things have changed. Type /status to see where you stand.
typed-option-ambiguous = Several answers match what you typed. Type the number of the one you want, from 1 to { $count }.
typed-hello = Hello! Type /status to see where you stand and what you can do now, or /help for everything I can do.
typed-thanks = You are welcome! Type /status to see where you stand, or /help for everything I can do.

# The private reason asked after declining or leaving, asked again after a command
reason-ask-again = If you wish, you can still tell me why (it stays private); otherwise type -.
