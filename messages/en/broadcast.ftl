## Coordinators' messages to a programme's participants (/admin message, mentorbot broadcast)

admin-section-message = Message participants
modal-title-broadcast = Message to participants
broadcast-form-title = Message to the participants of "{ $programme }"
broadcast-f-who = To whom?
broadcast-h-who = "The mentees" and "The mentors" also include applicants who have no pair yet.
broadcast-to-all = Everyone: mentees and mentors
broadcast-to-mentee = The mentees
broadcast-to-mentor = The mentors
broadcast-to-referent = The referents
broadcast-f-text = Your message
broadcast-h-text = Up to { $limit } characters. Each copy opens with a line saying it comes from the programme's coordinators.
broadcast-text-empty = The message is empty: write the text to send.
broadcast-text-too-long = This message is too long ({ $length } characters): { $limit } at most. Please shorten it.
broadcast-nobody-members = { $who ->
        [mentee] This programme has no mentee yet, nor any mentee applicant
        [mentor] This programme has no mentor yet, nor any mentor applicant
        [referent] This programme has no referent yet
       *[all] This programme has no mentee or mentor yet, nor any applicant
    }: nothing was sent. Pick other recipients; your text is kept.
broadcast-nobody-reachable = { $who ->
        [mentee] No mentee can be reached yet
        [mentor] No mentor can be reached yet
        [referent] No referent can be reached yet
       *[all] Nobody can be reached yet
    }: { $count ->
        [one] the one person concerned has not written to the bot yet
       *[other] none of the { $count } people concerned has written to the bot yet
    }. Nothing was sent. Pick other recipients; your text is kept.
broadcast-confirm = { $who ->
        [mentee] { $count ->
            [one] Send this message to the one reachable mentee?
           *[other] Send this message to the { $count } mentees?
        }
        [mentor] { $count ->
            [one] Send this message to the one reachable mentor?
           *[other] Send this message to the { $count } mentors?
        }
        [referent] { $count ->
            [one] Send this message to the one reachable referent?
           *[other] Send this message to the { $count } referents?
        }
       *[all] { $count ->
            [one] Send this message to the one reachable person?
           *[other] Send this message to the { $count } mentees and mentors?
        }
    } Each of them will receive it like this:
broadcast-yes = Yes, send
broadcast-no = No, cancel
broadcast-dropped = Cancelled: nothing was sent.
broadcast-queued = { $count ->
    [one] On its way: { $count } message goes out at the pace the platforms allow.
   *[other] On its way: { $count } messages go out at the pace the platforms allow.
}
broadcast-header = A message from the coordinators of the programme "{ $programme }":
journal-broadcast = message to participants (command line)
journal-broadcast-sent = message sent to participants
journal-broadcast-form = message to participants written
journal-broadcast-send = message to participants confirmed
