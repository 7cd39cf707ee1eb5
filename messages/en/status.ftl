## Where do I stand? and objectives

help-cmd-status = see where you stand and the next step
status-no-application = You are not taking part in any programme yet.
status-no-programme-open = You are not taking part in any programme, and none is taking applications at the moment. When a session opens, type /apply to apply; meanwhile, /help shows what I can do.
status-apply = Apply
status-pick-mentor = Mentors have been proposed to you: what remains is to choose.
status-see-proposals = See the proposals
status-no-proposals = You have no mentor proposal waiting.
status-waiting-proposals =
    Your application is accepted; I am waiting for an available mentor who fits your profile.{ $told ->
        [yes] {" "}The coordinators follow your situation.
       *[no] {""}
    }
status-application = Your application: { $statuses }.
status-see-application = See my application
status-waiting-mentor = Your request is with { $name }, who has until { $when } to answer.
status-request-pending = { $name } chose you as their mentor and awaits your answer until { $when }. Do you agree to mentor them?
status-sign-charter = Your pair with { $name } is formed: what remains is to accept the charter.
status-waiting-charter = You accepted the charter; I am waiting for { $name } to accept it too.
status-consent = Your pair with { $name } is under way: first confirm your commitment.
status-objectives = Your pair with { $name } is under way. Next step: set your objectives together.
status-paused = Your pair with { $name } is paused until { $when }.
status-next-meeting =
    Pair with { $name }: { $held ->
        [0] no meeting held yet
        [one] one meeting held
       *[other] { $held } meetings held
    }. Next meeting: { $when }.
status-plan-meeting =
    Pair with { $name }: { $held ->
        [0] no meeting held yet
        [one] one meeting held
       *[other] { $held } meetings held
    }. Next step: plan your next meeting.
status-open-meetings = My meetings
status-in-form = You are in the middle of a form; I pick up where you were (/cancel to leave it):
help-cmd-objectives = follow your objectives
objectives-none = You have not set any objectives yet.
objectives-intro = Your objectives:
objective-status-open = in progress
objective-status-reached = reached
objective-status-not_reached = not reached
objective-private-mark = {" "}(private)
objectives-reached = Mark no. { $number } as reached
objectives-add = Add an objective
objective-add-title = New objective.
objective-f-text = What is this new objective?
objective-added = Objective added.
objective-marked = Well done, objective reached!
objective-marked-other = { $name } marked one of your objectives as reached. Well done to you both!

## Where do I stand? (states computed by handlers/standing.py)

status-invited = You are invited to the programme “{ $programme }”: what remains is to apply.
status-ineligible = Your application as { $role } to the programme “{ $programme }” could not be accepted.
status-apply-again = Apply differently
status-help = Help
status-mentor-available = Your mentor application to the programme “{ $programme }” is accepted. When a mentee chooses you, I will show you their profile and ask for your agreement.
status-none-suited =
    None of the proposed mentors suited you: noted. { $told ->
        [yes] The coordinators are looking for a mentor who fits you; I will send you the new proposals here.
       *[no] I will send you new proposals here as soon as other mentors are available.
    }
status-overdue =
    Pair with { $name }: { $held ->
        [0] no meeting held yet
        [one] one meeting held
       *[other] { $held } meetings held
    }. Your last meeting goes back further than the programme's longest gap: it is time to plan one.
status-objectives-button = Our objectives
status-pair-ended-me = You left your pair with { $name } on { $when }.
status-pair-ended-partner = { $name } left your pair on { $when }.
status-pair-ended-programme = Your pair with { $name } ended on { $when }.
status-questionnaire-to-come = You will receive the final questionnaire when it opens.
status-past-meetings = My past meetings
status-another-mentor = If you wish, I can suggest other mentors.
status-mentor-still-available = Your mentor application stays open: another mentee may choose you.
withdraw-new-mentor-not-now = I cannot suggest other mentors right now: type /status to see where you stand.
help-cmd-pastmeetings = read again the meeting log of an ended pair
ended-log-none = You have no ended pair whose log to read.
ended-log-which = Which pair's log would you like to read?
status-pair-ended-erased = The person you were paired with left the programme on { $when }.
meetings-pair-ended = Your pair has ended: you can read its meeting log again.
