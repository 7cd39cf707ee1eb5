## Dates and durations as typed: a missing time, several readings, what cannot be read

date-ask-time = At what time, { $day }? For example "2pm", "9:30am" or "2-3:30pm".
date-which = This date can be read in more than one way: which one do you mean?
date-which-one = Do you mean this date?
date-none = None, let me correct it
date-understood-range = I understood: { $when }, for { $duration }. Is that right?
date-understood-assumed = I understood: { $when } (a suggested time, change it if needed). Is that right?
date-unreadable-number = "{ $text }" is a number, not a date. Write for example "Thursday 3 December 2pm" or "in two weeks".
date-unreadable-vague = That is too vague for me to record: give a precise day, for example "Thursday 3 December" or "1 March".
date-unreadable-time = That time does not exist. Write it for example "2pm", "9:30am" or "14:30".
date-unreadable-range = I could not read this time range: it must last from 5 minutes to 8 hours, for example "2-3:30pm".
date-time-unreadable = I could not read the time. Write it for example "2pm", "9:30am" or "2-3pm", or give another date.
date-needs-time = The time is missing: write for example "{ $day } 2pm".
date-quoted = "{ $text }"
date-ambiguous = This date can be read as { $choices }: write it in full, with the month in letters, for example "12 April 2pm".
day-past = Choose a day to come, from tomorrow on.
pause-h-until = A day, for example "15 January" or "in 3 months": { $months } months at most, and not past the end of the programme.
pause-too-far = A pause lasts at most until { $limit }: choose an earlier date.
duration-unreadable = I could not read this duration. Examples: "1h30", "45 min", "an hour".
duration-bounds = Give a duration between { $low } minutes and { $hours } hours, for example "1h30" or "45 min".
duration-conflict = The time range lasts { $range }, but the duration given is { $given }: correct one of them.
duration-shown =
    { $hours ->
        [0] { $minutes } min
       *[other]
            { $minutes ->
                [0] { $hours } h
               *[other] { $hours } h { $minutes } min
            }
    }
