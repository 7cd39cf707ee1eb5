## When the database does not answer for a moment

outage-wait = Just a moment: I am having a brief technical problem. Your message has arrived, and I will answer as soon as I can.
outage-form-retry = The service is unavailable for a moment. Your answers are still here: send the form again shortly.
