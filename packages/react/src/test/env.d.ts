// Stories import the stylesheet for its side effect; Vite handles it.
declare module '*.css'
