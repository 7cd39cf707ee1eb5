## Forms asked field by field

form-progress = ({ $index }/{ $total }) { $label }
form-current = Current answer: { $value }. Type = to keep it.
form-optional = Optional: type - to skip.
form-multi-hint = Type one or more numbers separated by commas, for example: 1, 3
form-date-understood = I understood: { $when }. Is that right?
form-date-yes = Yes
form-date-no = No, let me correct it
nothing-to-go-back = No question in progress: /back only works during a form.
error-form-stale = This form is no longer in progress. Type /status to see where you stand.

## Input errors

field-required = This answer is required.
field-too-long = Answer too long ({ $length } characters): { $limit } at most.
field-number = Type a whole number between { $low } and { $high }.
field-choice =
    { $count ->
        [one] Answer with the button, or type 1.
       *[other] Answer with one of the buttons, or type a number from 1 to { $count }.
    }
field-multi = I do not recognise "{ $answer }". Type numbers from 1 to { $count }, separated by commas.
field-date = I could not read this date. Examples: "next Tuesday 2pm", "3 December 10:30", "in two weeks".
field-date-past = This date has already passed. Give a date to come, for example "Thursday 9:30am".
field-date-future = This date is in the future. Give the date the meeting took place, for example "yesterday 2pm".
