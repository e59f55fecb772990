// Copies the stylesheets into dist/ next to the compiled modules (tsc does not copy CSS).
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
for (const file of ['styles.css', 'field/field.css']) {
  mkdirSync(dirname(join(root, 'dist', file)), { recursive: true })
  copyFileSync(join(root, 'src', file), join(root, 'dist', file))
}
