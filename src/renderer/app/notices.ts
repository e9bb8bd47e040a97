/** The attribution and licence notices shown in About (text fixed by the data publishers). */
export const CDC_CMS_NOTICE =
  'ICD-10-CM codes and descriptors are from the ICD-10-CM published by CDC/NCHS (available at no charge from the NCHS website); their use does not imply endorsement by CDC, NCHS, HHS or the US Government. ICD-10-PCS, MCE, MUE, NCCI, HCPCS Level II and MS-DRG data are from CMS.';

export const CPT_NOTICE = 'CPT is a registered trademark of the AMA; CodeDesk ships no CPT descriptors.';

export const DEMO_NOTICE =
  'The demo code subset is a small sample for trying CodeDesk, not a full code set. Import the official files before coding real charts.';
