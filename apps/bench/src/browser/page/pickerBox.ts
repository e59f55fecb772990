/** Size of every picker's box on its page, in px: the same for the three pickers. */
export const PICKER_WIDTH = 760
export const PICKER_HEIGHT = 640
