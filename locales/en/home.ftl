# The home page with the join box, and the page for an unknown address or code.

home-title = Join a prayer gathering
home-lead = Follow each prayer topic on your phone as the gathering moves through it, and tap “I'm praying” to join in. You don't need an account or an app.
home-facilitator = Leading a gathering?
home-facilitator-link = Facilitator sign-in
join-label = Gathering code
join-button = Join
join-hint = The code is on the screen at the front, under the QR code. Codes never use 0, 1, I, L or O.
join-too-many-codes = Too many join codes that do not exist were tried from your network in the last minute. Please check the code and try again in a minute.
not-found-page-title = Page not found
not-found-page-lead = There is no page at this address. To join a gathering, type the code shown in the room.
not-found-gathering-title = Gathering not found
# $code is shown in bold.
not-found-gathering-lead = We couldn't find a gathering with the code { $code }.
not-found-check = Check the code on the screen at the front and try again. Codes never use 0, 1, I, L or O, so a code with one of them was misread.
# Why a typed join code was refused. $found lists the look-alike characters typed.
join-error-empty = Please type the join code shown in the room.
join-error-shape = A join code is { $count } letters and digits, like K7HQ2M.
join-error-look-alikes = Join codes never use 0, 1, I, L or O, because they look alike, and this one has { $found }. Please check the code on the screen at the front.
