## Coordination: roles, referents, journal, invitation (sections of /admin)

admin-section-roles = Roles: admins and referents
admin-section-referents = Referents: pairs per referent
admin-section-journal = Log of actions
admin-section-invitation = Invitation to share

## Roles

roles-role-admin = admin
roles-role-referent = referent
roles-unnamed = someone expected (not here yet)
roles-every-programme = (every programme)
roles-heading = Roles in the programme "{ $programme }"
roles-list-admin = { $count ->
    [0] Admins: none
   *[other] Admins: { $names }
}
roles-list-referent = { $count ->
    [0] Referents: none
   *[other] Referents: { $names }
}
roles-grant = Grant a role
roles-revoke = Revoke a role
roles-form-title = Grant a role in "{ $programme }"
roles-f-role = Which role?
roles-f-who = To whom?
roles-h-who = Their name, as the bot knows it, or their account: telegram:NUMBER, slack:TEAM/USER or console:NAME.
roles-nobody = I know nobody called "{ $name }". Check the spelling, or give their account (telegram:NUMBER, slack:TEAM/USER).
roles-too-many = { $count } people match "{ $name }": please give more of the name.
roles-which = Several people match "{ $name }". Which one?
roles-granted = Done: { $name } now has the role "{ $role }" in this programme, and has been told.
roles-already = { $name } already has the role "{ $role }" in this programme.
roles-holder = { $name } — { $role }
roles-revoke-which = Which role, from whom?
roles-none-to-revoke = Nobody but you has a role to revoke in this programme.
roles-revoked = Done: { $name } no longer has the role "{ $role }", and has been told.
roles-not-held = { $name } no longer had the role "{ $role }".
roles-told-grant = You now have the role "{ $role }" in the mentoring programme "{ $programme }". Type /admin to open the coordination menu.
roles-told-grant-all = You now have the role "{ $role }" in every mentoring programme. Type /admin to open the coordination menu.
roles-told-revoke = You no longer have the role "{ $role }" in the mentoring programme "{ $programme }".
roles-told-revoke-all = You no longer have the role "{ $role }" in the mentoring programmes.

## Referents

referents-heading = Ongoing pairs followed by each referent of the programme "{ $programme }":
referents-line = { $name }: { $count ->
    [0] no pair
    [one] 1 pair
   *[other] { $count } pairs
}
referents-none = No referent yet: grant the role in the "Roles" section.
referents-unfollowed = { $count ->
    [0] No ongoing pair is waiting for a referent.
    [one] 1 ongoing pair has no referent yet.
   *[other] { $count } ongoing pairs have no referent yet.
}
referents-spread = Spread the pairs without a referent evenly
referents-spread-done = { $count ->
    [0] No pair to spread.
    [one] 1 pair was given a referent; each referent concerned has been told.
   *[other] { $count } pairs were given a referent; each referent concerned has been told.
}
referents-told-pair = You now follow, as referent, the pair { $mentor } / { $mentee } of the programme "{ $programme }".
referents-told-spread = { $count ->
    [one] One more pair of the programme "{ $programme }" is now yours to follow as referent.
   *[other] { $count } more pairs of the programme "{ $programme }" are now yours to follow as referent.
} Type /admin to see how they are doing.

## Journal

journal-heading = Log of the programme "{ $programme }": { $count ->
    [0] no action yet.
    [one] the last action.
   *[other] the last { $count } actions, oldest first.
}
journal-line = { $when } — { $who }: { $action }
journal-line-about = { $when } — { $who }: { $action } ({ $about })
journal-operator = the operator (command line)
journal-section = opening the section "{ $section }"
journal-other = another coordination action
journal-refused = refused: { $action }
journal-pair = pair { $mentor } / { $mentee }
journal-pairs-given = { $count ->
    [one] 1 pair
   *[other] { $count } pairs
}
journal-admin-figures = reading the programme's figures
journal-role-grant = granting a role
journal-role-revoke = revoking a role
journal-referents-assign = choosing a pair's referent
journal-referents-spread = spreading the pairs over the referents
journal-pairs-list = reading the list of pairs
journal-pairs-show = reading a pair
journal-audit-read = reading the log
journal-programme-apply = creating or changing the programme
journal-programme-show = reading the programme's settings
journal-programme-open = opening applications
journal-programme-close = closing applications

## Invitation

invitation-heading = Invite people to the programme "{ $programme }"
invitation-telegram = On Telegram, share this link: { $link }
invitation-slack = On Slack, post this message in a channel:
    { $post }
invitation-slack-post = Join the mentoring programme "{ $programme }": type `{ $command }` in Slack, or open mentorbot under Apps and write to it.
invitation-console = On the console, each participant types: { $command }
