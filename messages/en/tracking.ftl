## The pairs' tracking table (/admin → Export the tracking table, mentorbot export tracking)

admin-section-tracking = Export the tracking table
tracking-which-format = In which form do you want the tracking table of "{ $programme }"? For each pair it holds the dates, durations, formats, general themes and attendance of its meetings, and nothing else.
tracking-which-format-yours = In which form do you want the tracking table of your pairs in "{ $programme }"? For each of them it holds the dates, durations, formats, general themes and attendance of its meetings, and nothing else.
tracking-csv = CSV (plain text, for any spreadsheet)
tracking-xlsx = Excel (XLSX)
tracking-unknown-format = I can export the table as CSV or as Excel (XLSX): pick one of the two.
tracking-empty = No pair to follow in "{ $programme }" yet: the table fills up as soon as a mentor accepts a mentee.
tracking-empty-yours = No pair is in your care in "{ $programme }" yet: the table fills up once an admin gives you some.
tracking-caption = Tracking table of "{ $programme }": { $pairs ->
        [one] one pair
       *[other] { $pairs } pairs
    }, { $meetings ->
        [0] no meeting
        [one] one meeting
       *[other] { $meetings } meetings
    }. Times are { $zone }.
tracking-caption-yours = Tracking table of your pairs in "{ $programme }": { $pairs ->
        [one] one pair
       *[other] { $pairs } pairs
    }, { $meetings ->
        [0] no meeting
        [one] one meeting
       *[other] { $meetings } meetings
    }. Times are { $zone }.
tracking-file-stem = tracking
tracking-sheet = Tracking
tracking-zone = { $start ->
        [offset] { $city }
       *[other] { $city } time
    }
tracking-unnamed = (no name)
tracking-col-pair = Pair no.
tracking-col-mentee = Mentee
tracking-col-mentor = Mentor
tracking-col-referent = Referent
tracking-col-state = Pair state
tracking-col-date = Meeting date
tracking-col-start = Start time
tracking-col-minutes = Duration (minutes)
tracking-col-format = Format
tracking-col-themes = General themes
tracking-col-attendance = Meeting status
journal-tracking-export = tracking table exported
