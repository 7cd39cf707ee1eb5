## Coordinators' messages to a programme's participants (/admin message, mentorbot broadcast)

admin-section-message = Message participants
modal-title-broadcast = Message to participants
broadcast-form-title = Message to the participants of "{ $programme }"
broadcast-f-who = To whom?
broadcast-to-all = Everyone: mentees and mentors
broadcast-to-mentee = The mentees
broadcast-to-mentor = The mentors
broadcast-to-referent = The referents
broadcast-f-text = Your message
broadcast-h-text = Up to { $limit } characters. Each copy opens with a line saying it comes from the programme's coordinators.
broadcast-text-empty = The message is empty: write the text to send.
broadcast-text-too-long = This message is too long ({ $length } characters): { $limit } at most. Please shorten it.
broadcast-nobody = Nobody to reach in "{ $who }" for now: nothing was sent.
broadcast-confirm = { $count ->
    [one] Send to { $count } person?
   *[other] Send to { $count } people?
}
broadcast-yes = Yes, send
broadcast-no = No, cancel
broadcast-dropped = Cancelled: nothing was sent.
broadcast-queued = { $count ->
    [one] On its way: { $count } message goes out at the pace the platforms allow.
   *[other] On its way: { $count } messages go out at the pace the platforms allow.
}
broadcast-header = A message from the coordinators of the programme "{ $programme }":
