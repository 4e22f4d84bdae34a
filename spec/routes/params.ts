import { Type } from '@sinclair/typebox';
import { Uuid } from '../schemas/common.ts';

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
