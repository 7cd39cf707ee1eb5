## Where do I stand? and objectives

help-cmd-status = see where you stand and the next step
status-no-application = You are not taking part in any programme yet.
status-apply = Apply
status-pick-mentor = Mentors have been proposed to you: what remains is to choose.
status-see-proposals = See the proposals
status-no-proposals = You have no mentor proposal waiting.
status-waiting-proposals = Your application is accepted; I am waiting for an available mentor who fits your profile. The coordinators follow your situation.
status-application = Your application: { $statuses }.
status-see-application = See my application
status-waiting-mentor = Your request is with { $name }, who has until { $when } to answer.
status-request-pending = { $name } chose you as their mentor and awaits your answer until { $when }: answer with the buttons of my previous message.
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
