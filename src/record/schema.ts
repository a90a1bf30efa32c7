import { z } from 'zod';

/**
 * The Form D record: the project's output contract (shared/formd-record.md), field for field.
 *
 * One shape, three money codecs. Inside the pipeline money is integer cents; in JSON it is
 * dollars with at most two decimals. `recordShape` takes the money type, so the schema is
 * written once and the codecs below are derived from it.
 */
function recordShape<M extends z.ZodType>(money: M) {
  const amount = money.nullable();
  const offeredSold = z.object({ offered: amount, sold: amount });
  const paymentRow = z.object({ affiliates: amount, others: amount });
  const flag = z.object({
    rule: z.string().min(1),
    severity: z.enum(['error', 'warning']),
    paths: z.array(z.string()),
    expected: amount.optional(),
    actual: amount.optional(),
    difference: amount.optional(),
    message: z.string(),
    explanation: z.string().nullable().optional(),
    /** A value the arithmetic says was probably misread, offered to a reviewer, never applied silently. */
    suggestion: z.object({ path: z.string(), value: money, reason: z.string() }).optional(),
  });

  return z.object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[0-9a-f]{64}$/, 'the sha256 of the source file, in hex'),
    source: z.object({
      file: z.string(),
      pages: z.number().int().nonnegative(),
      kind: z.enum(['text', 'pdf', 'tiff', 'png', 'jpeg']),
      /** True when a PDF's own text layer was read instead of its pixels. */
      textLayer: z.boolean().optional(),
      /** What the page stages decided for each page: skew corrected, quarter turns, raster size. */
      pageInfo: z.array(pageInfoSchema).optional(),
    }),
    filing: z.object({
      offeringName: z.string().nullable(),
      isAmendment: z.boolean().nullable(),
      exemptions: z.object({
        rule504: z.boolean().nullable(),
        rule505: z.boolean().nullable(),
        rule506: z.boolean().nullable(),
        section4_6: z.boolean().nullable(),
        uloe: z.boolean().nullable(),
      }),
    }),
    issuer: z.object({
      name: z.string().nullable(),
      address: addressSchema.nullable(),
      phone: z.string().nullable(),
      principalBusinessAddress: addressSchema.nullable(),
      principalBusinessPhone: z.string().nullable(),
      businessDescription: z.string().nullable(),
      entityType: z.enum(ENTITY_TYPES).nullable(),
      entityTypeOther: z.string().nullable(),
      incorporation: z.object({
        month: z.number().int().min(1).max(12).nullable(),
        year: z.number().int().min(1000).max(9999).nullable(),
        actual: z.boolean().nullable(),
      }),
      jurisdiction: z.string().nullable(),
    }),
    relatedPersons: z.array(
      z.object({
        name: z.string().nullable(),
        address: z.string().nullable(),
        roles: z.object({
          promoter: z.boolean().nullable(),
          beneficialOwner: z.boolean().nullable(),
          executiveOfficer: z.boolean().nullable(),
          director: z.boolean().nullable(),
          generalPartner: z.boolean().nullable(),
        }),
      }),
    ),
    offering: z.object({
      nonAccreditedSales: z.boolean().nullable(),
      minimumInvestment: amount,
      jointOwnership: z.boolean().nullable(),
      salesCompensation: z.array(
        z.object({
          name: z.string().nullable(),
          address: z.string().nullable(),
          brokerDealer: z.string().nullable(),
          states: z.array(z.string()),
          allStates: z.boolean(),
        }),
      ),
      securities: z.object({
        debt: offeredSold,
        equity: offeredSold.extend({ common: z.boolean().nullable(), preferred: z.boolean().nullable() }),
        convertible: offeredSold,
        partnership: offeredSold,
        other: offeredSold.extend({ description: z.string().nullable() }),
        total: offeredSold,
      }),
      investors: z.object({
        accredited: z.object({ count: z.number().int().nonnegative().nullable(), amount }),
        nonAccredited: z.object({ count: z.number().int().nonnegative().nullable(), amount }),
      }),
      expenses: z.object({
        transferAgent: amount,
        printing: amount,
        legal: amount,
        accounting: amount,
        engineering: amount,
        salesCommissions: amount,
        findersFees: amount,
        other: amount,
        total: amount,
      }),
      adjustedGrossProceeds: amount,
      estimated: z.array(z.string()),
      useOfProceeds: z.object({
        salaries: paymentRow,
        realEstate: paymentRow,
        equipment: paymentRow,
        construction: paymentRow,
        acquisition: paymentRow,
        debtRepayment: paymentRow,
        workingCapital: paymentRow,
        other: paymentRow.extend({ description: z.string().nullable() }),
        columnTotals: paymentRow,
        totalPaymentsListed: amount,
      }),
    }),
    signature: z.object({
      issuer: z.string().nullable(),
      signer: z.string().nullable(),
      title: z.string().nullable(),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date, YYYY-MM-DD')
        .nullable(),
    }),
    stateDisqualification: z.boolean().nullable(),
    flags: z.array(flag),
    fields: z.record(z.string(), fieldSchema),
    review: z.object({
      status: z.enum(REVIEW_STATUSES),
      reasons: z.array(z.string()),
    }),
  });
}

export const ENTITY_TYPES = [
  'corporation',
  'limited partnership, already formed',
  'business trust',
  'limited partnership, to be formed',
  'other',
] as const;

export const REVIEW_STATUSES = ['auto', 'needs_review', 'reviewed'] as const;

export const FIELD_SOURCES = ['ocr', 'text', 'review'] as const;

const addressSchema = z.object({
  street: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  zip: z.string().nullable(),
});

export const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const fieldSchema = z.object({
  confidence: z.number().min(0).max(1),
  /** 1-based; null for a transcription that has no pages. */
  page: z.number().int().positive().nullable(),
  /** [x0, y0, x1, y1] in pixels of the stored (cleaned) page raster. */
  bbox: bboxSchema.nullable(),
  source: z.enum(FIELD_SOURCES),
  raw: z.string(),
  /** 1-based line of a transcription the value was read from. */
  line: z.number().int().positive().optional(),
});

export const pageInfoSchema = z.object({
  page: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Quarter turns, clockwise, applied to put the page right side up. */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** Degrees of skew measured and corrected. */
  skew: z.number(),
  dpi: z.number().positive().nullable(),
});

const cents = z.number().int();

/** Validates a record as the pipeline holds it: money in integer cents. */
export const recordSchema = recordShape(cents);

/** Reads a record from its JSON form (money in dollars) into cents. */
export const recordFromJson = recordShape(
  z
    .number()
    .refine((d) => Math.abs(d * 100 - Math.round(d * 100)) < 1e-6, 'money has at most two decimals')
    .transform((d) => Math.round(d * 100)),
);

/** Writes a record (money in cents) to its JSON form, dollars with at most two decimals. */
export const recordToJson = recordShape(cents.transform((c) => c / 100));

export type FormDRecord = z.infer<typeof recordSchema>;
export type FormDRecordJson = z.output<typeof recordToJson>;
export type Flag = FormDRecord['flags'][number];
export type FieldProvenance = z.infer<typeof fieldSchema>;
export type PageInfo = z.infer<typeof pageInfoSchema>;
export type EntityType = (typeof ENTITY_TYPES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type Bbox = z.infer<typeof bboxSchema>;

export const SCHEMA_VERSION = 1 as const;
