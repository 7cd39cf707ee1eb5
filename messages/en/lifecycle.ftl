## A programme's life: close of applications, matching, committee, end of the programme

## Close of applications

close-mentee-at_close = Applications to "{ $programme }" are now closed: thank you for your patience! I am sending you the mentors I suggest; you just need to pick the one you would like to work with.
close-mentor-at_close = Applications to "{ $programme }" are now closed: thank you for volunteering! Mentees are now choosing among the suggested mentors. If one of them picks you, I will show you their profile and you will have { $days } days to answer.
close-mentee-committee = Applications to "{ $programme }" are now closed: thank you for your patience! The programme's committee is now forming the pairs; I will come back to you as soon as a mentor is suggested to you.
close-mentor-committee = Applications to "{ $programme }" are now closed: thank you for volunteering! The programme's committee is now forming the pairs. If a mentee is entrusted to you, I will show you their profile and you will have { $days } days to answer.
coordinator-cohort-published =
    Applications to "{ $programme }" are closed and matching is done: { $offered ->
        [0] no mentee received proposals
        [one] one mentee received their proposals
       *[other] { $offered } mentees received their proposals
    }{ $without ->
        [0] .
        [one] ; one mentee has no possible mentor and is to be paired by hand (/admin pair).
       *[other] ; { $without } mentees have no possible mentor and are to be paired by hand (/admin pair).
    }
coordinator-draft-ready = Applications to "{ $programme }" are closed: the committee's matching draft is ready.

## Pairing by the committee

reason-committee = suggested by the programme's committee
proposals-committee = The programme's committee will suggest another mentor: I will come back to you as soon as it is done.
coordinator-committee = { $name } is waiting for the committee to suggest a mentor (/admin pair).
proposals-new-mentor = Good news: a new mentor has joined the programme, and I have proposals for you!
mentee-back-to-committee-declined = { $name } cannot mentor you this time.
mentee-back-to-committee-expired = { $name } did not answer in time.
mentor-request-committee = The programme's committee suggests that you mentor someone! You have { $days } days to answer. Here is their profile:
committee-proposed-mentee = The committee of "{ $programme }" suggests { $name } as your mentor. I have passed the request on; { $name } has until { $when } to answer, and I will let you know as soon as they do.
committee-refused-same_person = { $mentee } cannot be their own mentor: pick someone else.
committee-refused-hierarchy = { $mentor } and { $mentee } have a line-management link (one is the other's manager): a mentor is never in the mentee's hierarchy.
committee-refused-language = { $mentor } and { $mentee } have no language in common.
committee-refused-organisation = { $mentor } and { $mentee } are in the same organisation, and this programme pairs people across organisations.
committee-refused-paired_before = { $mentor } was already asked for { $mentee } or paired with them: the programme never suggests the same mentor twice.
committee-refused-declined = { $mentee } already turned { $mentor } down among their proposals: the programme does not suggest them again.
committee-refused-full =
    { $mentor } has no place left: { $capacity ->
        [one] one mentee
       *[other] { $capacity } mentees
    } at most per mentor in this programme.
committee-refused-mentee_application = { $mentee } has no accepted mentee application in this programme.
committee-refused-mentee_paired = { $mentee } already has a pair, formed or being formed, in this programme.
committee-refused-mentor_application = { $mentor } has no accepted mentor application in this programme.

## Matching in /admin

admin-section-matching = Matching
admin-section-pair = Form a pair
match-heading =
    Matching for "{ $programme }": { $mentees ->
        [0] no mentee is waiting for proposals.
        [one] one mentee is waiting for proposals.
       *[other] { $mentees } mentees are waiting for proposals.
    }
match-line =
    { $proposals ->
        [0] no proposal
        [one] one proposal
       *[other] { $proposals } proposals
    }: { $mentees ->
        [one] one mentee
       *[other] { $mentees } mentees
    }
match-left-same_person = { $count } (the same person)
match-left-hierarchy = { $count } (line-management link)
match-left-language = { $count } (no language in common)
match-left-organisation = { $count } (same organisation)
match-left-paired_before = { $count } (already asked for or paired with the mentee)
match-left-declined = { $count } (already turned down by the mentee)
match-left-full = { $count } (no place left)
match-left-proposed = { $count } (already proposed to the mentee)
match-publish = Publish the proposals
match-published =
    { $offered ->
        [0] No mentee received proposals
        [one] One mentee received their proposals
       *[other] { $offered } mentees received their proposals
    }{ $without ->
        [0] .
        [one] ; one mentee has no possible mentor: form their pair with /admin pair.
       *[other] ; { $without } mentees have no possible mentor: form their pairs with /admin pair.
    }
pair-form-title = Form a pair (programme "{ $programme }")
pair-f-mentee = Mentee
pair-f-mentor = Mentor
pair-f-reason = The committee's reason
pair-h-reason = Seen by coordinators only; the mentor and the mentee will read "suggested by the programme's committee".
pair-mentor-option =
    { $name } ({ $free ->
        [one] one place
       *[other] { $free } places
    })
pair-no-mentee = No mentee is waiting for a mentor in this programme.
pair-no-mentor = No mentor has a free place in this programme.
pair-done = Done: { $mentor } is asked to mentor { $mentee }, who has been told. I will let you know if the request falls through.

## End of the programme

end-completed =
    "{ $programme }" has come to its end: your pair with { $name } closes here. Thank you for your commitment all these months!{ $count ->
        [0] {""}
        [one] {" "}Let us take a moment to review your objective: was it reached?
       *[other] {" "}Let us take a moment to review your { $count } objectives: were they reached?
    } Your meeting log stays available through /status.
end-review = Review
end-request-mentee = "{ $programme }" ended before { $name } answered your request: it is closed. Thank you for taking part; the coordinators remain available to you.
end-request-mentor = "{ $programme }" has ended: { $name }'s request is closed, you no longer need to answer it. Thank you for your availability!
end-forming-mentee = "{ $programme }" ended before your pair with { $name } got started: it is closed. Thank you for your interest in the programme; the coordinators remain available to you.
end-forming-mentor = "{ $programme }" ended before your pair with { $name } got started: it is closed. Thank you for your availability; the coordinators remain available to you.
coordinator-programme-ended =
    "{ $programme }" has ended: { $completed ->
        [0] no pair completed
        [one] one pair completed
       *[other] { $completed } pairs completed
    }{ $stopped ->
        [0] {""}
        [one] , one pair still being formed stopped
       *[other] , { $stopped } pairs still being formed stopped
    }. The final questionnaire is open until { $closes }.

## After the end: objectives review, /status, log

objective-status-partly = partly reached
review-none = Your pair had no objectives recorded: there is nothing to review.
review-intro =
    Review of { $count ->
        [one] your objective
       *[other] your { $count } objectives
    } with { $name }:
review-question = Objective { $number }: { $text }{ $private } (currently: { $status }). Was it reached?
review-reached = Reached
review-partly = Partly
review-not_reached = Not reached
review-noted = Noted: objective { $number }, { $status }.
review-done =
    Thank you, your review is complete!{ $questionnaire ->
        [yes] {" "}The final questionnaire is waiting for you too: type /questionnaire.
       *[no] {""}
    }
status-programme-ended = "{ $programme }" has ended. Thank you for taking part!
status-ended = "{ $programme }" has ended: your pair with { $name } was completed on { $when }. Thank you for your commitment!
status-ended-objectives =
    { $count ->
        [one] One objective is still waiting for your review.
       *[other] { $count } objectives are still waiting for your review.
    }
status-ended-questionnaire = The final questionnaire is waiting for you until { $closes }.
status-ended-all-done = There is nothing left for you to do: thank you again!
ended-review = Review the objectives
ended-questionnaire = Answer the questionnaire
ended-log = See our log
ended-log-title = Your meeting log with { $name }:
ended-log-empty = No meeting was recorded in this log.
