## Questionnaires pour les coordinateurs : ouvrir et clore une vague, taux de réponse, réponses des binômes suivis, synthèse anonyme (/admin questionnaires, mentorbot wave, mentorbot synthesis)

admin-section-questionnaires = Questionnaires : vagues, réponses, synthèse
waves-heading = Questionnaires du programme « { $programme } » :
waves-line = • { $wave } : { $state }
waves-state-none = pas encore ouvert
waves-state-open = ouvert jusqu'au { $closes }
waves-state-closed = clos le { $closes }
waves-rates = réponses : { $total } ; mentorés : { $mentees } ; mentors : { $mentors }
waves-rates-mine = réponses de vos binômes : { $total } ; mentorés : { $mentees } ; mentors : { $mentors }
waves-rate = { $answered } sur { $invited } ({ $percent } %)
waves-pick = Que voulez-vous faire ?
waves-open = Ouvrir le { $wave }
waves-reopen = Rouvrir le { $wave }
waves-close = Clore le { $wave }
waves-synthesis = Synthèse du { $wave }
waves-answers = Réponses de mes binômes au { $wave }
waves-opened = Le { $wave } est ouvert jusqu'au { $closes }. { $invited ->
    [0] Personne à inviter pour l'instant : aucun binôme n'a encore commencé.
    [one] Une personne est invitée à y répondre.
   *[other] { $invited } personnes sont invitées à y répondre.
}
waves-reopened = Le { $wave } est rouvert jusqu'au { $closes }. Les réponses déjà envoyées sont conservées et restent modifiables. { $invited ->
    [0] Aucune nouvelle personne à inviter.
    [one] Une nouvelle personne est invitée.
   *[other] { $invited } nouvelles personnes sont invitées.
}
waves-more-soon = Les autres membres seront invités dans les minutes qui viennent.
waves-already-open = Le { $wave } est déjà ouvert, jusqu'au { $closes }.
waves-midterm-ended = Le programme est terminé : il n'y a plus de questionnaire de mi-parcours à ouvrir. Ouvrez plutôt le questionnaire de fin de parcours.
waves-closed = Le { $wave } est clos : { $invited ->
    [0] personne n'y était invité.
   *[other] { $answered ->
        [0] aucune des { $invited } personnes invitées n'a répondu.
        [one] { $answered } des { $invited } personnes invitées a répondu.
       *[other] { $answered } des { $invited } personnes invitées ont répondu.
    }
} Les personnes qui le remplissaient encore en seront averties en l'envoyant.
waves-already-closed = Le { $wave } était déjà clos, depuis le { $closed }.
waves-not-open = Le { $wave } n'est pas ouvert : il n'y a rien à clore.
waves-no-wave = Le { $wave } n'a pas encore été ouvert : il n'y a ni synthèse ni réponses à lire.
waves-day-included = { $day } inclus
waves-synthesis-later = La synthèse anonyme du { $wave } sera lisible une fois le questionnaire clos, après le { $closes } : lue pendant que les réponses arrivent, elle laisserait deviner, d'une lecture à l'autre, les réponses d'une personne. Le clore maintenant la rend lisible aussitôt.
waves-open-ask = { $invited ->
    [0] Ouvrir le { $wave } ? Personne à inviter pour l'instant : aucun binôme n'a encore commencé.
    [one] Ouvrir le { $wave } et inviter une personne ?
   *[other] Ouvrir le { $wave } et inviter { $invited } personnes ?
} Il restera ouvert jusqu'au { $closes }.
waves-reopen-ask = { $invited ->
    [0] Rouvrir le { $wave } ? Personne de nouveau à inviter.
    [one] Rouvrir le { $wave } et inviter une nouvelle personne ?
   *[other] Rouvrir le { $wave } et inviter { $invited } nouvelles personnes ?
} Il restera ouvert jusqu'au { $closes } ; les réponses déjà envoyées sont conservées.
waves-ask-midterm-open = Le questionnaire de mi-parcours est encore ouvert, jusqu'au { $closes } : il le restera, et les deux questionnaires seront ouverts en même temps. Pour le clore d'abord, répondez non, puis choisissez « { $close } ».
waves-open-yes = Oui, ouvrir
waves-open-no = Non, ne rien ouvrir
waves-open-dropped = Le { $wave } n'a pas été ouvert.

## Synthèse anonyme

wsyn-heading = Synthèse anonyme du { $wave } — « { $programme } » ({ $state })
wsyn-rule = Aucun chiffre n'est montré pour un groupe de moins de { $min } réponses.
wsyn-previous = Synthèse telle que lue le { $read }, sur { $answers } réponses ({ $sent } à ce jour) : pour qu'aucune lecture ne laisse deviner, par différence, les réponses de moins de { $min } personnes, elle sera mise à jour à partir de { $from } réponses.
wsyn-held = La synthèse anonyme du { $wave } a été lue le { $read }, sur { $answers } réponses, et certaines ont été modifiées ou effacées depuis : pour qu'aucune lecture ne laisse deviner, par différence, les réponses de moins de { $min } personnes, elle sera de nouveau lisible à partir de { $from } réponses ({ $sent } à ce jour).
wsyn-question = ▸ { $question }
wsyn-group-all = Ensemble
wsyn-group-mentor = Mentors
wsyn-group-mentee = Mentorés
wsyn-too-few = { $group } : trop peu de réponses pour en montrer quoi que ce soit.
wsyn-scale = { $group } : { $count } réponses, moyenne { $mean } sur 5 — { $spread }
wsyn-counts = { $group } : { $count } réponses — { $spread }
wsyn-count-item = { $option } : { $count }
wsyn-text = { $group } : { $count } réponses libres, dans l'ordre alphabétique, noms retirés :
wsyn-text-item = « { $text } »
wsyn-text-withheld = { $group } : { $count } réponses libres, non diffusées.
wsyn-text-how = Les réponses libres ne sont pas citées : le programme ne le prévoit pas. Pour les citer, activez « Citer les réponses libres (anonymisées) dans la synthèse » dans les réglages du programme.

## Réponses des binômes suivis par un référent

wans-heading = Réponses de vos binômes au { $wave } — « { $programme } » :
wans-none = Aucun de vos binômes n'a encore répondu.
wans-pair = Binôme { $mentee } – { $mentor }
wans-talk = { $count ->
    [0] Personne n'a demandé à échanger avec vous.
    [one] Une personne souhaite échanger avec vous : { $people }.
   *[other] { $count } personnes souhaitent échanger avec vous : { $people }.
}
wans-talk-person = { $name } (binôme { $mentee } – { $mentor })
wans-person = { $role ->
    [mentor] Mentor
   *[mentee] Mentoré
} { $name }, réponses envoyées le { $sent } :
wans-line = • { $question } → { $answer }
wans-scale = { $value } sur 5
wans-text = « { $text } »
wans-not-referent = Vous ne suivez aucun binôme de ce programme : il n'y a pas de réponses à lire. Les administrateurs lisent la synthèse anonyme, jamais les réponses de chacun.

## Journal des actions de coordination

journal-questionnaires-open = ouverture d'un questionnaire
journal-questionnaires-close = clôture d'un questionnaire
journal-questionnaires-synthesis = lecture de la synthèse anonyme d'un questionnaire
journal-questionnaires-answers = lecture des réponses de ses binômes à un questionnaire
