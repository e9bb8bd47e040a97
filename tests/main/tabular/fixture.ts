/**
 * A small Tabular List in the official layout (<ICD10CM.tabular>, FY2021 element names),
 * written for the tests: every note kind, a 7th-character category (S72), a code-first /
 * manifestation pair (E11.42 / G63), an Excludes1 range, a one-category section (B10).
 */
import { writeFile } from '../codesets/helpers';

export const TABULAR_XML = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular>
  <version>2021</version>
  <introduction>
    <introSection type="title"><title>ICD-10-CM TABULAR LIST of DISEASES and INJURIES</title></introSection>
  </introduction>
  <chapter>
    <name>1</name>
    <desc>Certain infectious and parasitic diseases (A00-B99)</desc>
    <useAdditionalCode>
      <note>code to identify resistance to antimicrobial drugs (Z16.-)</note>
    </useAdditionalCode>
    <sectionIndex>
      <sectionRef first="A00" last="A09" id="A00-A09">Intestinal infectious diseases</sectionRef>
    </sectionIndex>
    <section id="A00-A09">
      <desc>Intestinal infectious diseases (A00-A09)</desc>
      <diag>
        <name>A00</name>
        <desc>Cholera</desc>
        <diag>
          <name>A00.0</name>
          <desc>Cholera due to Vibrio cholerae 01, biovar cholerae</desc>
          <inclusionTerm>
            <note>Classical cholera</note>
          </inclusionTerm>
        </diag>
        <diag>
          <name>A00.9</name>
          <desc>Cholera, unspecified</desc>
        </diag>
      </diag>
    </section>
    <section id="B10">
      <desc>Other human herpesviruses (B10)</desc>
      <diag>
        <name>B10</name>
        <desc>Other human herpesviruses</desc>
        <diag>
          <name>B10.8</name>
          <desc>Other human herpesvirus infection</desc>
        </diag>
      </diag>
    </section>
  </chapter>
  <chapter>
    <name>4</name>
    <desc>Endocrine, nutritional and metabolic diseases (E00-E89)</desc>
    <notes>
      <note>All neoplasms, whether functionally active or not, are classified in Chapter 2.</note>
    </notes>
    <excludes1>
      <note>transitory endocrine and metabolic disorders specific to newborn (P70-P74)</note>
    </excludes1>
    <section id="E08-E13">
      <desc>Diabetes mellitus (E08-E13)</desc>
      <diag>
        <name>E11</name>
        <desc>Type 2 diabetes mellitus</desc>
        <includes>
          <note>diabetes NOS</note>
        </includes>
        <useAdditionalCode>
          <note>code to identify control using: insulin (Z79.4)</note>
        </useAdditionalCode>
        <excludes1>
          <note>type 1 diabetes mellitus (E10.-)</note>
          <note>hypertensive disease (I10-I1A)</note>
        </excludes1>
        <diag>
          <name>E11.4</name>
          <desc>Type 2 diabetes mellitus with neurological complications</desc>
          <diag>
            <name>E11.42</name>
            <desc>Type 2 diabetes mellitus with diabetic polyneuropathy</desc>
            <inclusionTerm>
              <note>Type 2 diabetes mellitus with diabetic neuralgia</note>
            </inclusionTerm>
          </diag>
        </diag>
        <diag>
          <name>E11.6</name>
          <desc>Type 2 diabetes mellitus with other specified complications</desc>
          <diag>
            <name>E11.65</name>
            <desc>Type 2 diabetes mellitus with hyperglycemia</desc>
            <inclusionTerm>
              <note>Type 2 diabetes mellitus with poorly controlled</note>
              <note>Type 2 diabetes mellitus with out of control</note>
            </inclusionTerm>
            <codeAlso>
              <note>any associated condition (E87.2)</note>
            </codeAlso>
          </diag>
        </diag>
        <diag>
          <name>E11.9</name>
          <desc>Type 2 diabetes mellitus without complications</desc>
        </diag>
      </diag>
    </section>
  </chapter>
  <chapter>
    <name>6</name>
    <desc>Diseases of the nervous system (G00-G99)</desc>
    <section id="G60-G65">
      <desc>Polyneuropathies and other disorders of the peripheral nervous system (G60-G65)</desc>
      <diag>
        <name>G63</name>
        <desc>Polyneuropathy in diseases classified elsewhere</desc>
        <codeFirst>
          <note>underlying disease, such as: amyloidosis (E85.-)</note>
        </codeFirst>
        <excludes1>
          <note>polyneuropathy (in): diabetes mellitus (E08-E13 with .42)</note>
        </excludes1>
      </diag>
    </section>
  </chapter>
  <chapter>
    <name>19</name>
    <desc>Injury, poisoning and certain other consequences of external causes (S00-T88)</desc>
    <excludes2>
      <note>birth trauma (P10-P15)</note>
    </excludes2>
    <section id="S70-S79">
      <desc>Injuries to the hip and thigh (S70-S79)</desc>
      <diag>
        <name>S72</name>
        <desc>Fracture of femur</desc>
        <sevenChrNote>
          <note>The appropriate 7th character is to be added to all codes from category S72</note>
        </sevenChrNote>
        <sevenChrDef>
          <extension char="A">initial encounter for closed fracture</extension>
          <extension char="B">initial encounter for open fracture type I or II</extension>
          <note>	initial encounter for open fracture NOS</note>
          <extension char="S">sequela</extension>
        </sevenChrDef>
        <diag>
          <name>S72.0</name>
          <desc>Fracture of head and neck of femur</desc>
          <excludes2>
            <note>physeal fracture of upper end of femur (S79.0-)</note>
          </excludes2>
          <diag>
            <name>S72.00</name>
            <desc>Fracture of unspecified part of neck of femur</desc>
            <diag>
              <name>S72.001</name>
              <desc>Fracture of unspecified part of neck of right femur</desc>
            </diag>
          </diag>
        </diag>
      </diag>
    </section>
  </chapter>
</ICD10CM.tabular>
`;

/** Number of <diag> elements in TABULAR_XML. */
export const FIXTURE_DIAGS = 16;

export function writeTabular(dir: string, name = 'icd10cm_tabular_2021.xml', xml = TABULAR_XML): string {
  return writeFile(dir, name, xml);
}
