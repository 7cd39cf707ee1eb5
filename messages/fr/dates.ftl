## Dates et durées tapées : l'heure qui manque, les lectures possibles, ce qui ne se lit pas

date-ask-time = À quelle heure, { $day } ? Par exemple « 14h », « 9h30 » ou « 14h-15h30 ».
date-which = Cette date peut se lire de plusieurs façons : laquelle voulez-vous dire ?
date-which-one = Voulez-vous dire cette date ?
date-none = Aucune, je corrige
date-understood-range = J'ai compris : { $when }, pendant { $duration }. C'est bien ça ?
date-understood-assumed = J'ai compris : { $when } (heure proposée, à changer si besoin). C'est bien ça ?
date-unreadable-number = « { $text } » est un nombre, pas une date. Écrivez par exemple « jeudi 3 décembre 14h » ou « dans deux semaines ».
date-unreadable-vague = C'est trop vague pour que je la note : donnez un jour précis, par exemple « jeudi 3 décembre » ou « le 1er mars ».
date-unreadable-time = Cette heure n'existe pas. Écrivez-la par exemple « 14h », « 9h30 » ou « 14:30 ».
date-unreadable-range = Je n'ai pas compris cette plage horaire : elle doit durer de 5 minutes à 8 heures, par exemple « 14h-15h30 ».
date-time-unreadable = Je n'ai pas compris l'heure. Écrivez-la par exemple « 14h », « 9h30 » ou « 14h-15h », ou donnez une autre date.
date-needs-time = Il manque l'heure : écrivez par exemple « { $day } 14h ».
date-quoted = « { $text } »
date-ambiguous = Cette date peut se lire { $choices } : écrivez-la en entier, avec le mois en lettres, par exemple « 12 avril 14h ».
day-past = Choisissez un jour à venir, à partir de demain.
pause-h-until = Un jour, par exemple « 15 janvier » ou « dans 3 mois » : { $months } mois au plus, et pas au-delà de la fin du programme.
pause-too-far = Une pause dure au plus jusqu'au { $limit } : choisissez une date plus proche.
duration-unreadable = Je n'ai pas compris cette durée. Exemples : « 1h30 », « 45 min », « une heure ».
duration-bounds = Donnez une durée entre { $low } minutes et { $hours } heures, par exemple « 1h30 » ou « 45 min ».
duration-conflict = La plage horaire dure { $range }, mais la durée indiquée est de { $given } : corrigez l'une des deux.
duration-shown =
    { $hours ->
        [0] { $minutes } min
       *[other]
            { $minutes ->
                [0] { $hours } h
               *[other] { $hours } h { $minutes }
            }
    }
