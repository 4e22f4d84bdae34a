import { Type } from '@sinclair/typebox';
import { Id } from '../schemas/common.ts';

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
