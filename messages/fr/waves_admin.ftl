## Questionnaires pour les coordinateurs : ouvrir et clore une vague, taux de réponse, réponses des binômes suivis, synthèse anonyme (/admin questionnaires, mentorbot wave, mentorbot synthesis)

admin-section-questionnaires = Questionnaires : vagues, réponses, synthèse
waves-heading = Questionnaires du programme « { $programme } » :
waves-line = • { $wave } : { $state }
waves-state-none = pas encore ouvert
waves-state-open = ouvert jusqu'au { $closes }
waves-state-closed = clos le { $closes }
waves-rates = réponses : { $total } ; mentorés : { $mentees } ; mentors : { $mentors }
waves-rate = { $answered } sur { $invited } ({ $percent } %)
waves-pick = Que voulez-vous faire ?
waves-open = Ouvrir le { $wave }
waves-reopen = Rouvrir le { $wave }
waves-close = Clore le { $wave }
waves-synthesis = Synthèse du { $wave }
waves-answers = Réponses de mes binômes au { $wave }
waves-opened = Le { $wave } est ouvert jusqu'au { $closes }. { $invited ->
    [0] Personne n'est à inviter pour l'instant : aucun binôme n'est lancé.
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
waves-closed = Le { $wave } est clos : { $answered } sur { $invited } personnes invitées ont répondu. Qui était en train de répondre en sera averti à l'envoi.
waves-not-open = Le { $wave } n'est pas ouvert : il n'y a rien à clore.
waves-no-wave = Le { $wave } n'a pas encore été ouvert : il n'y a ni synthèse ni réponses à lire.

## Synthèse anonyme

wsyn-heading = Synthèse anonyme du { $wave } — « { $programme } » ({ $state })
wsyn-rule = Aucun chiffre n'est montré pour un groupe de moins de { $min } réponses.
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
wsyn-text-withheld = { $group } : { $count } réponses libres, non diffusées : le programme ne prévoit pas de montrer le texte libre dans la synthèse.

## Réponses des binômes suivis par un référent

wans-heading = Réponses de vos binômes au { $wave } — « { $programme } » :
wans-none = Aucun de vos binômes n'a encore répondu.
wans-pair = Binôme { $mentor } / { $mentee }
wans-person = { $role ->
    [mentor] Mentor
   *[mentee] Mentoré
} { $name }, réponses envoyées le { $sent } :
wans-line = • { $question } → { $answer }
wans-scale = { $value } sur 5
wans-text = « { $text } »
wans-not-referent = Vous ne suivez aucun binôme de ce programme : il n'y a pas de réponses à lire. Les administrateurs lisent la synthèse anonyme, jamais les réponses de chacun.
