## Programmes in the chat: the admins' form

admin-section-programme = Programme: settings, opening
pf-title-new = New programme
pf-title-edit = Programme settings
pf-yes = Yes
pf-no = No
pf-none = not set
pf-slug = Short name of the programme
pf-slug-hint = Letters, digits, - or _; it goes into invitation links (for example managers-2027).
pf-name = Name of the programme
pf-name-hint = As participants will read it.
pf-track = Track
pf-track-hint = For example "first-time managers".
pf-language = Language of the programme
pf-language-hint = For people whose platform does not say. Default: French.
pf-timezone = Time zone
pf-timezone-hint = For example Europe/Paris (the default).
pf-applications_open = Applications open
pf-applications_open-hint = A date such as 5 January 2027. No answer: open from now.
pf-applications_close = Applications close
pf-applications_close-hint = A date such as 15 February 2027. No answer: no closing date.
pf-starts = Programme starts
pf-starts-hint = No answer: when applications close.
pf-ends = Programme ends
pf-ends-hint = No answer: seven months after the start.
pf-target_sessions = Target number of meetings
pf-target_sessions-hint = 1 to 24; 6 by default.
pf-max_gap_weeks = Longest gap between two meetings, in weeks
pf-max_gap_weeks-hint = 1 to 26; 8 by default.
pf-proposals = Mentors proposed to each mentee
pf-proposals-hint = 3 to 5; 3 by default.
pf-mentor_capacity = Mentees per mentor
pf-mentor_capacity-hint = 1 to 10; 1 by default.
pf-matching = Matching mode
pf-matching-hint = Default: as soon as people apply.
pf-matching-on_apply = As soon as people apply
pf-matching-at_close = When applications close
pf-matching-committee = By a committee
pf-answer_delay_days = Days a mentor has to answer
pf-answer_delay_days-hint = 1 to 30; 3 by default.
pf-other_organisation = Mentor and mentee always in different organisations?
pf-other_organisation-hint = Default: no.
pf-in_person = Do pairs preferably meet in person?
pf-in_person-hint = If yes, I favour mentors close by: the distance between towns counts. Default: no. How much each criterion counts (topics, expectations, experience, distance…) is set in the programme file.
pf-topics = Topics applicants choose from
pf-topics-hint = Separated by commas.
pf-themes = General themes of meeting logs
pf-themes-hint = Separated by commas; by default the same as the topics.
pf-mentor_min_years = Mentors: minimum years of experience
pf-mentor_min_years-hint = 0 by default.
pf-mentor_min_posts = Mentors: minimum number of posts held
pf-mentor_min_posts-hint = 0 by default.
pf-mentee_min_years = Mentees: minimum years of experience
pf-mentee_min_years-hint = 0 by default.
pf-mentee_min_posts = Mentees: minimum number of posts held
pf-mentee_min_posts-hint = 0 by default.
pf-midterm = Mid-term questionnaire opens
pf-midterm-hint = A date; with no answer it opens when you ask.
pf-final = Final questionnaire opens
pf-final-hint = A date; with no answer it opens at the end of the programme.
pf-free_text_in_synthesis = Quote free-text answers (anonymised) in the synthesis?
pf-free_text_in_synthesis-hint = Default: no.
pf-pulse_weeks = How often to ask "how is it going?", in weeks
pf-pulse_weeks-hint = 0 to 12; 4 by default; 0 never asks.
pf-retention_months = Months personal data is kept after the end
pf-retention_months-hint = 1 to 120; 12 by default.
pf-alternative = Message to applicants who are not eligible
pf-alternative-hint = Another path to suggest to them (optional).
pf-error-date = That is not a full date. Write for example 5 January 2027 or 05/01/2027.
pf-error-slug-taken = A programme already has this short name: choose another one.
pf-created = The programme "{ $programme }" is created. Type /admin to run it and get its invitation.
pf-updated = The programme "{ $programme }" is updated: { $keys }.
pf-unchanged = Nothing changed in the programme "{ $programme }".
pf-edit = Edit the settings
pf-open-now = Open applications now
pf-close-now = Close applications now
pf-open-done = Applications to the programme "{ $programme }" are open.
pf-close-done = Applications to the programme "{ $programme }" are closed.
pf-summary =
    Programme "{ $programme }"
    Applications: from { $opens } to { $closes }
    Programme: from { $starts } to { $ends }
    Matching: { $matching }; { $proposals } mentors proposed; { $capacity } mentee(s) per mentor{ $in_person ->
        [yes] ; meetings in person, distance counts
       *[no] { "" }
    }
    Rhythm: { $sessions } meetings, never more than { $weeks } weeks apart
    Topics: { $topics }
pf-error-invalid = This answer is not accepted for this setting: please check it.
pf-error-slug = Only letters, digits, - or _, no spaces (64 characters at most).
pf-error-timezone = Unknown time zone: write for example Europe/London or America/Montreal.
pf-error-labels = Each topic is 1 to 80 characters.
pf-error-repeated = A topic is there twice.
pf-error-after-open = Applications must close after they open.
pf-error-after-starts = The programme must end after it starts.
pf-error-needed = Matching when applications close needs a closing date.
pf-error-after-midterm = The final questionnaire must open after the mid-term one.
