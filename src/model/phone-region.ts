import { isSupportedCountry } from 'libphonenumber-js/max';

/** Where the repository does not say: the sample community's country. */
export const DEFAULT_PHONE_REGION = 'GB';

/** Whether a region code (ISO 3166-1 alpha-2) is one the phone check knows. */
export const isPhoneRegion = (code: string): boolean => isSupportedCountry(code);
