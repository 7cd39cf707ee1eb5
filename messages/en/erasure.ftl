## Someone who erased their data leaves: the other member of the pair, the mentees they were proposed to, the coordinators

erase-left-request = The mentoring request you had received no longer stands: the person has left the programme. There is nothing for you to do.
erase-left-pair-mentor = Your pair ends: the person you were mentoring has left the programme. Your own notes stay yours (/export to get them). You are available to mentor someone again: I will tell you if a mentee picks you.
erase-left-pair-mentee = Your pair ends: your mentor has left the programme. Your own notes stay yours (/export to get them). I am looking for another mentor for you.
mentee-forwarded-erased = The mentor you had picked has left the programme. I sent your request to your next choice, { $next }.
mentee-back-to-picking-erased = The mentor you had picked has left the programme. Here are other mentors.
mentee-back-to-committee-erased = The mentor you had picked has left the programme.
mentee-back-to-waiting-erased = The mentor you had picked has left the programme.
erase-proposal-gone = One of the mentors proposed to you has left the programme. Here are your updated proposals.
erase-proposals-gone = The mentors proposed to you are no longer available: one of them has left the programme.
coordinator-pair-ended-erased-mentor = The mentor of { $mentee } has left the programme and erased their data: the pair ends and { $mentee } gets new proposals.
coordinator-pair-ended-erased-mentee = The person mentored by { $mentor } has left the programme and erased their data: the pair ends and { $mentor } is available again.
