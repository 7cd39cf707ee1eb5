## Charter

charter-intro = Here is the programme's charter (version { $version }). Read it, then accept it: the pair starts when you have both accepted it.
charter-accept = I accept the charter
charter-changed = The charter has changed since this message. Here is the new version:
charter-accepted-waiting = Thank you, your acceptance is recorded. I am waiting for your partner's.
charter-accepted-again = Thank you, your acceptance of the new version is recorded.
pair-active = Your pair is under way! Next step: agree together on your first meeting, then record it with /meeting.
