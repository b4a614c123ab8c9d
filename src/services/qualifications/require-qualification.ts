/**
 * The one lookup every qualification use case starts with, apart from them so the attempts and the qualification
 * views can both use it without importing each other.
 */
import type { Actor } from '../../core/permissions.js';
import { isAssayError, notFound } from '../../core/errors.js';
import * as store from '../../store/qualifications.js';
import type { Project } from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';

/** The qualification's project and settings, if the actor may see it; one not-found for absent and out of scope. */
export async function requireQualification(deps: ServiceDeps, actor: Actor, id: string): Promise<{ project: Project; q: store.QualificationRow }> {
  let project: Project;
  try {
    project = await requireProject(deps, actor, id);
  } catch (err) {
    if (isAssayError(err) && err.code === 'not_found') throw notFound('Qualification');
    throw err;
  }
  const q = project.kind === 'qualification' ? await store.getQualification(deps.store.db, project.id) : undefined;
  if (!q) throw notFound('Qualification');
  return { project, q };
}
