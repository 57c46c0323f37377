// CloudWatch's unit "None" means the value has no unit: it is shown as the number alone, never as "None".
export const shownUnit = (unit: string | null | undefined): string => (!unit || unit === 'None' ? '' : unit);
