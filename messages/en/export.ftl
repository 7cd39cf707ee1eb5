## Your data: /export, and the size of the files sent.

file-size-bytes = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }
file-size-kilobytes = { NUMBER($size, maximumFractionDigits: 1) } KB
file-size-megabytes = { NUMBER($size, maximumFractionDigits: 1) } MB

export-summary = Here is what I keep about you:
export-summary-nothing = Your mentoring journey is still empty: no application, no pair, no meeting. The attached file holds everything I keep about you.
export-summary-line = • { $what }
export-count-applications = { $count ->
        [one] { $count } application
       *[other] { $count } applications
    }
export-count-pairs = { $count ->
        [one] { $count } pair
       *[other] { $count } pairs
    }
export-count-meetings = { $count ->
        [one] { $count } meeting
       *[other] { $count } meetings
    }{ $held ->
        [0] {""}
        [one] , one of them held
       *[other] , { $held } of them held
    }
export-count-objectives = { $count ->
        [one] { $count } objective
       *[other] { $count } objectives
    }{ $reached ->
        [0] {""}
        [one] , one of them reached
       *[other] , { $reached } of them reached
    }
export-count-notes = { $count ->
        [one] { $count } private note
       *[other] { $count } private notes
    }
export-count-answers = { $count ->
        [one] { $count } questionnaire answered
       *[other] { $count } questionnaires answered
    }
export-summary-file = The attached file has the details, with dates in your time zone.

export-you = You
export-name = Name
export-language = Language
export-timezone = Time zone
export-organisation = Organisation
export-unit = Department
export-manager = Line manager
export-location = Location
export-since = Known since
export-accounts = Messaging accounts
export-roles = Coordination roles
export-role-in = { $role } (programme "{ $programme }")
export-role-everywhere = { $role } (every programme)
export-applications = Applications
export-programme = Programme
export-role = Role
export-status = Status
export-sent-on = Sent on
export-answers = Answers
export-charters = Charters signed
export-signed-on = Signed on
export-pairs = Pairs
export-mentor = Mentor
export-mentee = Mentee
export-state = State
export-requested-on = Requested on
export-started-on = Started on
export-ended-on = Ended on
export-paused-until = Paused until
export-rhythm = Rhythm
export-format = Format
export-meetings = Meetings
export-with = With
export-date = Date
export-duration = Duration
export-minutes = { $minutes } min
export-themes = Themes
export-objectives = Objectives
export-objective = Objective
export-private = Private
export-yes = yes
export-no = no
export-set-on = Set on
export-closed-on = Closed on
export-notes = Private notes
export-about = About
export-written-on = Written on
export-text = Text
export-checks = Your views on the pair
export-question = Question
export-answer = Answer
export-answered-on = Answered on
export-questionnaires = Questionnaires
export-questionnaire = Questionnaire
export-not-given = not given

export-pair-state-proposed = request sent to the mentor
export-pair-state-awaiting_charter = waiting for the charter to be signed
export-pair-state-active = under way
export-pair-state-completed = completed
export-pair-state-withdrawn = stopped
export-pair-state-declined = declined by the mentor
export-pair-state-expired = request left unanswered

export-check-consent = Did the first meeting confirm your mutual agreement?
export-check-fit = Does the pair suit you?
export-check-other = View on the pair

export-note-meeting_note = a meeting
export-note-action_items = the actions to take
export-note-actions = the actions to take
export-note-agreement = your starting agreement
export-note-expectations = your expectations
export-note-objective = an objective
export-note-objectives = your objectives
export-note-objectives_to_set = the objectives to set
export-note-withdraw_reason = your reason for leaving
export-note-decline_reason = your reason for declining
export-note-other = your pair
