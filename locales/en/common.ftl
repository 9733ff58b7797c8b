# Words shared by every page.

# The label of the language switch.
language-label = Language
# The button beside the language switch when scripts are off.
language-apply = Change
