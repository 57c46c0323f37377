// The SDK side of the SNS and SES channels, imported on first use (a separate chunk of the bundle).
export { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
export { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
export { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
export { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
