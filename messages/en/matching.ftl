## Mentor proposals and the mentor's answer

profile-line = { $name }: { $job }, { $organisation }, { $city }. { $years } years of experience. Topics: { $topics }. Preferred format: { $format }.
proposals-intro =
    { $count ->
        [one] Here is the mentor I suggest:
       *[other] Here are { $count } mentors I suggest. Pick the one you would like to work with:
    }
proposals-why = Why: { $reasons }.
proposals-pick = Pick { $number }: { $name }
proposals-more = See other proposals
proposals-decline-all = None of them suits me
reason-topics = shared topics: { $topics }
reason-expectations = what they offer matches what you expect
reason-experience =
    { $years ->
        [one] { $years } year of experience
       *[other] { $years } years of experience
    }
reason-format = a meeting format you both accept
reason-availability = free times in common
reason-other-organisation = another organisation than yours, so no professional stakes
reason-other-unit = another department than yours
reason-same-city = works close by, in { $city }
reason-distance = { NUMBER($km, maximumFractionDigits: 0) } km from your town
proposals-none =
    I have no available mentor to suggest right now. { $waiting ->
        [yes] I will write to you as soon as a mentor who suits you is available, with nothing for you to do.
       *[no] { $told ->
            [yes] The coordinators are told and will get back to you.
           *[no] Type /status now and then to see where your application stands.
        }
    }
proposals-declined-all =
    Noted. { $told ->
        [yes] The coordinators are told and will get back to you to find a mentor who suits you.
       *[no] I will suggest other mentors as soon as new profiles arrive; /status tells you where you stand.
    }
proposals-mentor-full = This mentor has just been chosen by someone else and has no place left. Pick among the other proposals:
proposals-now-available = { $count ->
        [one] Good news: a mentor who fits your profile is now available!
       *[other] Good news: mentors who fit your profile are now available!
    }
proposals-declined-all-fresh = Noted: I will not propose these mentors to you again. Here are other proposals.
proposals-no-more = I have no other mentor to propose for now. Here are your proposals again:
proposals-mentor-full-alone = This mentor has just been chosen by someone else and has no place left.
proposals-asked = I sent your request to { $name }, who has until { $when } to answer. I will tell you as soon as they do.
coordinator-no-mentor = No available mentor fits { $name }: a pair has to be formed by hand.
coordinator-all-declined = { $name } kept none of the proposed mentors: a conversation with this person is needed.
mentor-request = A mentee has chosen you as their mentor! You have { $days } days to answer. Here is their profile:
mentor-request-expectations = What they expect: { $text }
mentor-accept = I accept
mentor-decline = I cannot
mentor-request-gone = This request is no longer waiting: it was already answered or has expired.
mentor-accepted = Thank you! The pair is formed. What remains is to sign the charter, which I am sending to you both.
mentor-declined = Noted: the mentee will be directed to another mentor, with no judgement. If you wish, tell me why (it stays private); otherwise type -.
mentee-accepted = Good news: { $name } has agreed to be your mentor! What remains is to sign the charter.
mentee-forwarded-declined = { $name } cannot mentor you this time. I sent your request to your next choice, { $next }.
mentee-forwarded-expired = { $name } did not answer in time. I sent your request to your next choice, { $next }.
mentee-back-to-picking-declined = { $name } cannot mentor you this time. Here are other mentors.
mentee-back-to-picking-expired = { $name } did not answer in time. Here are other mentors.
mentee-back-to-waiting-expired = { $name } did not answer in time.
mentee-back-to-waiting-declined = { $name } cannot mentor you this time.
mentor-request-expired = Your time to answer the mentoring request has passed: it was sent to another mentor.
