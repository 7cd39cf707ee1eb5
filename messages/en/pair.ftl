## Life of the pair: consent, agreement, pause, leaving

pair-none = You have no active pair at the moment. Type /status to see where you stand.
consent-question = Before you start, do you confirm that you join this pair of your own will, and that there is no reporting line and no professional stake (assessment, recruitment, competition…) between you?
consent-yes = Yes, I confirm
consent-no = No, there is a link or a stake
consent-waiting = Thank you, noted. I am waiting for your partner's confirmation.
consent-both = You have both confirmed: the pair can start with peace of mind.
consent-no-done =
    Thank you for saying so: this pair stops here, with no consequence for anyone.{ $told ->
        [referent] {" "}Your referent is told.
        [coordinators] {" "}The coordinators are told.
       *[nobody] {""}
    }
consent-no-other =
    A link or a professional stake was reported between you: this pair stops here, with no blame on anyone.{ $told ->
        [referent] {" "}Your referent is told.
        [coordinators] {" "}The coordinators are told.
       *[nobody] {""}
    }
agreement-invite = Now set your objectives, rhythm and meeting format together. I suggest you record them here after talking them over with your mentor.
agreement-start = Set our objectives
agreement-title = The pair's agreement: your objectives, your rhythm and your format.
agreement-f-objectives = What are your objectives? 1 to 5, one per line or separated by semicolons.
agreement-h-objectives = For example: "Succeed in my new post", "Delegate better".
agreement-f-visibility = May the coordinators see the wording of these objectives? They see how many there are and whether they are reached in any case.
agreement-shared = Yes, they may see the wording
agreement-private = No, the wording stays private
agreement-f-rhythm = How often do you plan to meet?
agreement-f-format = In which format, most of the time?
rhythm-monthly = Once a month
rhythm-three_weeks = Every three weeks
rhythm-fortnightly = Every two weeks
agreement-objectives-count =
    { $count ->
        [0] Write at least one objective.
       *[other] You wrote { $count } objectives: 1 to 5 are needed, separated by semicolons, 500 characters at most each.
    }
agreement-saved =
    { $count ->
        [one] Your agreement is saved, with one objective. Follow it with /objectives.
       *[other] Your agreement is saved, with { $count } objectives. Follow them with /objectives.
    }
agreement-saved-other =
    { $count ->
        [one] { $name } saved your agreement, with one objective. See it with /objectives.
       *[other] { $name } saved your agreement, with { $count } objectives. See them with /objectives.
    }
fit-question = After this first meeting, does this pair suit you? Your answer stays private.
fit-yes = Yes, it suits me
fit-no = No, I would rather stop
fit-yes-done = Thank you, all the best to you both!
fit-no-done =
    Thank you for your honesty. This pair stops here; { $told ->
        [referent] your referent is told and will help you with what comes next.
        [coordinators] the coordinators are told and will help you with what comes next.
       *[nobody] type /status to see what comes next.
    }
fit-no-other =
    After your first meeting, the pair has chosen to stop there. It is no judgement on anyone{ $told ->
        [referent] ; your referent is told.
        [coordinators] ; the coordinators are told.
       *[nobody] .
    }
help-cmd-pause = pause the pair until a date
pause-title = Pause the pair: no reminder will be sent until the date you choose.
pause-f-until = Until when?
pause-set = The pair is paused until { $when }.
pause-set-other = { $name } paused your pair until { $when }.
pause-current = Your pair is paused until { $when }.
pause-resume = Resume now
pause-change = Change the date
pause-resumed = The pause is over: welcome back!
pause-resumed-other = { $name } ended your pair's pause.
help-cmd-withdraw = leave your pair
withdraw-confirm =
    Do you really want to leave this pair? { $told ->
        [referent] Your partner and your referent will be told.
        [coordinators] Your partner and the programme's coordinators will be told.
       *[nobody] Your partner will be told.
    }
withdraw-yes = Yes, I leave the pair
withdraw-no = No, I stay
withdraw-kept = Fine, nothing changes.
withdraw-done-mentor =
    Noted, you are leaving this pair. I am proposing other mentors to your mentee; if you think of a colleague who could take over, { $told ->
        [nobody] invite them to apply as a mentor.
       *[other] tell the coordinators.
    }{ $started ->
        [yes] {" "}A last meeting to close the exchange is welcome.
       *[no] {""}
    }{ $questionnaire ->
        [yes] {" "}You will receive the final questionnaire.
       *[no] {""}
    } If you wish, tell me why you are leaving (it stays private); otherwise type -.
withdraw-done-mentee =
    Noted, you are leaving this pair.{ $started ->
        [yes] {" "}A last meeting to close the exchange is welcome.
       *[no] {""}
    }{ $questionnaire ->
        [yes] {" "}You will receive the final questionnaire.
       *[no] {""}
    } If you wish, tell me why you are leaving (it stays private); otherwise type -.
withdraw-other =
    { $name } has left your pair.{ $told ->
        [referent] {" "}Your referent is told.
        [coordinators] {" "}The coordinators are told.
       *[nobody] {""}
    }{ $started ->
        [yes] {" "}A last meeting to close the exchange is welcome.
       *[no] {""}
    }
coordinator-pair-ended-mentor = The mentor { $mentor } left their pair with { $mentee }, who is getting new proposals.
coordinator-pair-ended-mentee = { $mentee } left their pair with the mentor { $mentor }.
coordinator-pair-ended-conflict = The pair { $mentor } / { $mentee } stops: a reporting line or a professional stake was reported.
coordinator-pair-ended-fit = The pair { $mentor } / { $mentee } stops after the first meeting: it did not fit.
nudge-plan = A quick reminder: no meeting is planned with your partner. The programme asks not to let more than { $weeks } weeks pass between two meetings: now is the time to set one (/meeting).
nudge-overdue = Your pair has not met for more than { $weeks } weeks. Agree on a date as soon as you can and record it with /meeting; if you need a break, type /pause.
coordinator-pair-stalled = The pair { $mentor } / { $mentee } has not met for much longer than the longest gap allowed: a word from you would help.
withdraw-new-mentor = Would you like another mentor?
withdraw-new-mentor-yes = Yes, show me other mentors
withdraw-new-mentor-no = No, thank you
withdraw-no-new-mentor = Noted. If you change your mind, the coordinators are there to help.
reason-thanks = Thank you, noted.
