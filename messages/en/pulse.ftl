## The pulse: "how is it going?" from 1 to 5, every few weeks

pulse-question = How is it going in your pair with { $partner }? One tap, from 1 (hard) to 5 (very well). Your answer is not shown to { $partner }; a low score alerts { $told ->
        [referent] your referent
       *[admins] the programme's admins
    }, without saying who gave it.
pulse-1 = 1 — hard
pulse-2 = 2
pulse-3 = 3
pulse-4 = 4
pulse-5 = 5 — very well
pulse-thanks = Thank you, noted!
pulse-changed = Changed.
pulse-low = In "{ $programme }", the pair { $mentee } – { $mentor } may be going through a difficult time: a word from you could help. Its follow-up: /admin suivi.
