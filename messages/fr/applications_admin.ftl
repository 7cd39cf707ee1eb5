## Candidatures importées par les coordinateurs, invitations personnelles, liste des candidatures

import-roles-two = { $first } et { $second }
import-confirm-intro = Le programme « { $programme } » a enregistré votre candidature comme { $roles }. Voici ce qu'elle contient :
import-confirm-as = Comme { $roles } :
import-line = { $label } : { $value }
import-l-organisation = Organisation
import-l-unit = Service
import-l-manager = Responsable hiérarchique
import-l-job = Poste
import-l-years = Années d'expérience
import-l-posts = Postes occupés
import-l-location = Ville
import-l-topics = Sujets
import-l-expectations = Attentes ou apport
import-l-motivation = Motivation
import-l-availability = Disponibilités
import-l-format = Format préféré
import-l-languages = Langues
import-confirm-question = Confirmez-vous cette candidature ? Vous pouvez aussi la corriger avant de l'envoyer, ou la décliner.
import-confirm-yes = Confirmer
import-confirm-correct = Corriger
import-confirm-no = Décliner
import-confirm-gone = Cette candidature a déjà été confirmée, corrigée ou déclinée. Tapez /status pour voir où vous en êtes.
import-declined = C'est noté : vous déclinez cette candidature, elle ne sera pas prise en compte. Vous pouvez candidater à nouveau avec /apply tant que les candidatures sont ouvertes.
status-import-waiting = Les coordinateurs ont enregistré une candidature pour vous : elle attend votre confirmation.

personal-invitation-taken = Merci, je vous ai retrouvé : les coordinateurs ont enregistré une candidature pour vous, que je vous demande de relire et de confirmer.
personal-invitation-used = Ce code d'invitation a déjà servi. Si vous l'avez déjà utilisé depuis un autre compte, continuez depuis ce compte-là ; sinon, demandez un nouveau code à vos coordinateurs.
personal-invitation-mine = Vous avez déjà utilisé ce code d'invitation : tout est en place. Tapez /status pour voir où vous en êtes.
personal-invitation-message = Bonjour { $name }, votre candidature au programme de mentorat « { $programme } » a été enregistrée. Pour la relire et la confirmer, écrivez à l'assistant du programme :
personal-invitation-telegram = • sur Telegram, ouvrez ce lien : { $link }
personal-invitation-chat = • dans la messagerie, tapez : /start { $code }
personal-invitation-slack = • sur Slack, tapez : /mentorat start { $code }

admin-section-applications = Candidatures
applications-title = Candidatures au programme « { $programme } »
applications-none = Aucune candidature pour l'instant.
applications-line = { $group } : { $names }
applications-group-awaiting_confirmation = En attente de leur confirmation ({ $count })
applications-group-mentors = Mentors retenus ({ $count })
applications-group-mentees_waiting = Mentorés en attente d'un mentor ({ $count })
applications-group-mentees_asked = Mentorés en attente de la réponse d'un mentor ({ $count })
applications-group-ineligible = Non retenus ({ $count })
applications-group-matched = Binômes formés ({ $count })
applications-group-withdrawn = Retirées ou déclinées ({ $count })
applications-entry-role = { $name } ({ $role })
applications-entry-places =
    { $name } ({ $places ->
        [0] complet
        [one] 1 place libre
       *[other] { $places } places libres
    })
applications-entry-asked = { $name } (demande chez { $mentor })
applications-entry-matched = { $name } avec { $mentor }
applications-entry-ineligible = { $name } ({ $role } : { $rule })
applications-rule-min_years = au moins { $required } ans d'expérience demandés, { $given } indiqués
applications-rule-min_posts = au moins { $required } postes occupés demandés, { $given } indiqués
applications-more =
    { $count ->
        [one] et 1 autre
       *[other] et { $count } autres
    }
