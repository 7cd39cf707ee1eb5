## Applications imported by coordinators, personal invitations, the list of applications

import-roles-two = { $first } and { $second }
import-confirm-intro = The programme "{ $programme }" has registered your application as { $roles }. Here is what it says:
import-confirm-as = As { $roles }:
import-line = { $label }: { $value }
import-l-organisation = Organisation
import-l-unit = Department
import-l-manager = Line manager
import-l-job = Job
import-l-years = Years of experience
import-l-posts = Posts held
import-l-location = City
import-l-topics = Topics
import-l-expectations = Expectations or offer
import-l-motivation = Motivation
import-l-availability = Availability
import-l-format = Preferred format
import-l-languages = Languages
import-confirm-question = Do you confirm this application? You can also correct it before sending it, or decline it.
import-confirm-yes = Confirm
import-confirm-correct = Correct
import-confirm-no = Decline
import-confirm-gone = This application was already confirmed, corrected or declined. Type /status to see where you stand.
import-declined = Noted: you decline this application, it will not be taken into account. You can apply again with /apply while applications are open.
status-import-waiting = The coordinators registered an application for you: it is waiting for your confirmation.

personal-invitation-taken = Thank you, I found you: the coordinators registered an application for you, which I ask you to read and confirm.
personal-invitation-used = This invitation code has already been used. If you used it from another account, carry on from that one; otherwise, ask your coordinators for a new code.
personal-invitation-mine = You have already used this invitation code: everything is in place. Type /status to see where you stand.
personal-invitation-message = Hello { $name }, your application to the mentoring programme "{ $programme }" has been registered. To read it and confirm it, write to the programme's assistant:
personal-invitation-telegram = • on Telegram, open this link: { $link }
personal-invitation-chat = • in the chat, type: /start { $code }
personal-invitation-slack = • on Slack, type: /mentorat start { $code }

admin-section-applications = Applications
applications-title = Applications to the programme "{ $programme }"
applications-none = No application yet.
applications-line = { $group }: { $names }
applications-group-awaiting_confirmation = Waiting for their confirmation ({ $count })
applications-group-mentors = Eligible mentors ({ $count })
applications-group-mentees_waiting = Mentees waiting for a mentor ({ $count })
applications-group-mentees_asked = Mentees waiting for a mentor's answer ({ $count })
applications-group-ineligible = Not eligible ({ $count })
applications-group-matched = Pairs formed ({ $count })
applications-group-withdrawn = Withdrawn or declined ({ $count })
applications-entry-role = { $name } ({ $role })
applications-entry-places =
    { $name } ({ $places ->
        [0] full
        [one] 1 place left
       *[other] { $places } places left
    })
applications-entry-asked = { $name } (asked { $mentor })
applications-entry-matched = { $name } with { $mentor }
applications-entry-ineligible = { $name } ({ $role }: { $rule })
applications-rule-min_years = at least { $required } years of experience required, { $given } given
applications-rule-min_posts = at least { $required } posts held required, { $given } given
applications-more =
    { $count ->
        [one] and 1 more
       *[other] and { $count } more
    }
